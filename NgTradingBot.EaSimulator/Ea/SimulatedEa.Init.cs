namespace NgTradingBot.EaSimulator;

public sealed partial class SimulatedEa
{
    private static readonly TimeSpan HistoryPause = TimeSpan.FromMilliseconds(100);
    private static readonly (string Timeframe, int Bars)[] InitialHistory = [("H1", 168), ("H4", 84)];

    private async Task<bool> OnInitAsync(CancellationToken ct)
    {
        ResetForStart();
        _connected = await ConnectToServerAsync(ct).ConfigureAwait(false);
        if (!_connected)
        {
            // The EA's "Failed to connect to server" log is never sent: it is not connected.
            return false;
        }
        await SendLogAsync("INFO", "EA connected to server", $"Account: {Login}, Server: {_options.ServerUrl}", ct).ConfigureAwait(false);
        await LoadSubscribedSymbolsAsync(ct).ConfigureAwait(false);
        await SendSymbolSpecificationsAsync(ct).ConfigureAwait(false);
        await SendAllHistoricalDataAsync(ct).ConfigureAwait(false);
        foreach (var position in Terminal.Positions)
        {
            _tracker.Track(position);
        }
        return true;
    }

    /// <summary>Globals start afresh on every attach; only the key survives (it lives in api_key.txt).</summary>
    private void ResetForStart()
    {
        _connected = false;
        _subscriptions.Clear();
        _tickBuffer.Clear();
        Volatile.Write(ref _bufferedTicks, 0);
        _tracker.Clear();
        _lastHeartbeat = 0;
        _transactionTimerCount = 0;
        _positionSyncTimerCount = 0;
        _lastTransactionCheck = 0;
        _profitCache = ProfitWindows.Zero;
        _lastProfitUpdate = 0;
    }

    private async Task<bool> ConnectToServerAsync(CancellationToken ct)
    {
        var body = EaRequestBodies.Connect(Login, _options.Broker, TimeCurrent(), Terminal.BrokerSymbols);
        var response = await PostAsync(EaRoutes.Connect, ServerRoute(EaRoutes.Connect), body, false, ct).ConfigureAwait(false);
        if (!response.Ok)
        {
            return false;
        }
        var key = EaResponseParser.ApiKey(response.Body);
        if (key.Length > 0)
        {
            _apiKey = key;
        }
        return true;
    }

    private async Task LoadSubscribedSymbolsAsync(CancellationToken ct)
    {
        if (_apiKey.Length == 0)
        {
            return;
        }
        var response = await PostAsync(EaRoutes.Symbols, ServerRoute(EaRoutes.Symbols), EaRequestBodies.AccountAndKey(Login, _apiKey), false, ct).ConfigureAwait(false);
        if (response.Ok && EaResponseParser.SymbolsArrayText(response.Body) is { } arrayText)
        {
            _subscriptions.Load(arrayText);
        }
    }

    private async Task SendSymbolSpecificationsAsync(CancellationToken ct)
    {
        if (_apiKey.Length > 0)
        {
            var body = EaRequestBodies.SymbolSpecs(Login, _apiKey, Symbols.Select(Terminal.SpecOrUnknown), includeContractSize: true);
            await PostAsync(EaRoutes.SymbolSpecs, ServerRoute(EaRoutes.SymbolSpecs), body, true, ct).ConfigureAwait(false);
        }
    }

    private async Task SendAllHistoricalDataAsync(CancellationToken ct)
    {
        foreach (var symbol in Symbols)
        {
            foreach (var (timeframe, bars) in InitialHistory)
            {
                var coverage = await CheckCoverageAsync(symbol, timeframe, bars, ct).ConfigureAwait(false);
                if (!coverage.SkipUpload)
                {
                    await SendHistoricalDataAsync(symbol, timeframe, bars, ct).ConfigureAwait(false);
                }
                await SleepAsync(HistoryPause, ct).ConfigureAwait(false);
            }
        }
    }

    private async Task<CoverageReading> CheckCoverageAsync(string symbol, string timeframe, int requiredBars, CancellationToken ct)
    {
        if (_apiKey.Length == 0)
        {
            return CoverageReading.NotParsed;
        }
        var body = EaRequestBodies.Coverage(symbol, timeframe, requiredBars);
        var response = await PostAsync(EaRoutes.Coverage, ServerRoute(EaRoutes.Coverage), body, true, ct, _options.CoverageTimeout).ConfigureAwait(false);
        return response.Ok ? EaResponseParser.Coverage(response.Body) : CoverageReading.NotParsed;
    }

    /// <summary>The last <paramref name="count"/> bars in one request, oldest to newest.</summary>
    private async Task SendHistoricalDataAsync(string symbol, string timeframe, int count, CancellationToken ct)
    {
        if (_apiKey.Length == 0 || Terminal.History.Last(symbol, timeframe, count, TimeCurrent()) is not { Count: > 0 } bars)
        {
            return;
        }
        await PostAsync(EaRoutes.Historical, ServerRoute(EaRoutes.Historical), EaRequestBodies.Historical(Login, symbol, timeframe, bars), true, ct).ConfigureAwait(false);
    }

    /// <summary>A symbol new in a heartbeat list: the "Symbol subscribed" log, its spec (variant b), H1 and H4 history.</summary>
    private async Task OnNewSymbolAsync(string symbol, CancellationToken ct)
    {
        await SendLogAsync("INFO", "Symbol subscribed", $"New symbol added: {symbol}", ct).ConfigureAwait(false);
        if (_apiKey.Length > 0)
        {
            var body = EaRequestBodies.SymbolSpecs(Login, _apiKey, [Terminal.SpecOrUnknown(symbol)], includeContractSize: false);
            await PostAsync(EaRoutes.SymbolSpecs, ServerRoute(EaRoutes.SymbolSpecs), body, true, ct).ConfigureAwait(false);
        }
        foreach (var (timeframe, bars) in InitialHistory)
        {
            await SendHistoricalDataAsync(symbol, timeframe, bars, ct).ConfigureAwait(false);
            await SleepAsync(HistoryPause, ct).ConfigureAwait(false);
        }
    }

    private async Task<bool> OnDeinitAsync(CancellationToken ct)
    {
        if (_connected)
        {
            await SendLogAsync("INFO", "EA disconnecting", "Normal shutdown", ct).ConfigureAwait(false);
        }
        // Unloaded: events raised from now on are lost, as in MT5 with no EA attached.
        _connected = false;
        return true;
    }
}
