namespace NgTradingBot.EaSimulator;

public sealed partial class SimulatedEa
{
    private async Task<bool> OnChartTickAsync(CancellationToken ct)
    {
        if (TimeCurrent() - _lastHeartbeat < (long)_options.HeartbeatInterval.TotalSeconds)
        {
            return true;
        }
        if (!_connected)
        {
            _connected = await ConnectToServerAsync(ct).ConfigureAwait(false);
            if (_connected)
            {
                Statistics.Reconnected();
                await SendLogAsync("INFO", "EA reconnected to server", "Connection restored", ct).ConfigureAwait(false);
            }
        }
        else
        {
            await SendHeartbeatAsync(ct).ConfigureAwait(false);
        }
        _lastHeartbeat = TimeCurrent();
        return true;
    }

    private async Task SendHeartbeatAsync(CancellationToken ct)
    {
        if (_apiKey.Length == 0)
        {
            return;
        }
        UpdateProfitCache();
        var body = EaRequestBodies.Heartbeat(Login, _apiKey, TimeCurrent(), Terminal.Account, _profitCache);
        var response = await PostAsync(EaRoutes.Heartbeat, ServerRoute(EaRoutes.Heartbeat), body, false, ct).ConfigureAwait(false);
        switch (response.Status)
        {
            case 200:
                if (EaResponseParser.SymbolsArrayText(response.Body) is { } symbols)
                {
                    await _subscriptions.ReplaceAsync(symbols, symbol => OnNewSymbolAsync(symbol, ct)).ConfigureAwait(false);
                }
                if (EaResponseParser.HasCommands(response.Body))
                {
                    await CommandProcessor.ProcessAsync(new CommandHost(this), response.Body, OnCommandExecuted, ct).ConfigureAwait(false);
                }
                break;
            case -1:
                // The log goes out first, while the EA still believes it is connected.
                await SendLogAsync("ERROR", "Heartbeat failed", $"WebRequest error: {response.LastError}", ct).ConfigureAwait(false);
                _connected = false;
                break;
            case 403:
                await SendLogAsync("ERROR", "Authentication failed", "API key may be invalid", ct).ConfigureAwait(false);
                _connected = false;
                break;
            default:
                await SendLogAsync("WARNING", "Heartbeat failed", $"HTTP code: {response.Status}", ct).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>The profit cache is recomputed at most every 5 s of broker time unless forced (OnTrade forces it).</summary>
    private void UpdateProfitCache(bool force = false)
    {
        var now = TimeCurrent();
        if (!force && now - _lastProfitUpdate < 5)
        {
            return;
        }
        _profitCache = Terminal.ComputeProfitWindows(now);
        _lastProfitUpdate = now;
    }
}
