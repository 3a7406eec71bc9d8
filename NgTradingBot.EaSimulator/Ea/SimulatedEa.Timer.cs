namespace NgTradingBot.EaSimulator;

public sealed partial class SimulatedEa
{
    private async Task<bool> OnTimerAsync(CancellationToken ct)
    {
        var now = TimeCurrent();
        var added = 0;
        foreach (var symbol in Symbols)
        {
            if (Terminal.TryGetTick(symbol, out var quote))
            {
                _tickBuffer.Add(new TickSample(symbol, quote.Bid, quote.Ask, 0, now, _options.PcGmtOffsetSeconds, TickSample.IsTradeable(symbol)));
                added++;
            }
        }
        Statistics.TicksBuffered(added);
        Volatile.Write(ref _bufferedTicks, _tickBuffer.Count);
        if (_tickBuffer.Count > 0 && CanSend)
        {
            await SendTickBatchAsync(ct).ConfigureAwait(false);
        }
        if (CanSend)
        {
            await CheckForCommandsAsync(ct).ConfigureAwait(false);
        }
        // The counters count timer calls, also while disconnected, and fire on the first call after reconnecting.
        if (++_transactionTimerCount >= _options.TransactionCheckPeriod && CanSend)
        {
            await CheckAccountTransactionsAsync(ct).ConfigureAwait(false);
            _transactionTimerCount = 0;
        }
        if (++_positionSyncTimerCount >= _options.PositionSyncPeriod && CanSend)
        {
            await SyncAllPositionsAsync(ct).ConfigureAwait(false);
            _positionSyncTimerCount = 0;
        }
        return true;
    }

    private async Task SendTickBatchAsync(CancellationToken ct)
    {
        var positions = Terminal.Positions.Select(p => new PositionProfit(p.Ticket, p.Profit, p.Swap));
        var body = EaRequestBodies.Ticks(Login, _apiKey, _tickBuffer, positions, Terminal.Account, _profitCache);
        var response = await PostAsync(EaRoutes.Ticks, _options.TicksUrl, body, false, ct).ConfigureAwait(false);
        if (response.Ok)
        {
            Statistics.TicksSent(_tickBuffer.Count);
            _tickBuffer.Clear();
            Volatile.Write(ref _bufferedTicks, 0);
        }
    }

    private async Task CheckForCommandsAsync(CancellationToken ct)
    {
        var response = await PostAsync(EaRoutes.GetCommands, ServerRoute(EaRoutes.GetCommands), EaRequestBodies.AccountAndKey(Login, _apiKey), false, ct).ConfigureAwait(false);
        if (response.Ok && EaResponseParser.HasCommands(response.Body))
        {
            await CommandProcessor.ProcessAsync(new CommandHost(this), response.Body, OnCommandExecuted, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Every non-trading deal in [lastCheck, now]; lastCheck starts at 0, so a restart re-sends history.</summary>
    private async Task CheckAccountTransactionsAsync(CancellationToken ct)
    {
        foreach (var deal in Terminal.DealsBetween(_lastTransactionCheck, TimeCurrent()))
        {
            if (deal.TransactionType is { } type)
            {
                var body = EaRequestBodies.Transaction(Login, _apiKey, deal.Ticket, type, deal.Profit, deal.Time, deal.Comment, Terminal.Account.Balance);
                await PostAsync(EaRoutes.Transaction, ServerRoute(EaRoutes.Transaction), body, false, ct).ConfigureAwait(false);
            }
        }
        _lastTransactionCheck = TimeCurrent();
    }

    private async Task SyncAllPositionsAsync(CancellationToken ct)
    {
        foreach (var position in Terminal.Positions)
        {
            await SendTradeUpdateAsync(position.Ticket, TradeAction.Open, "", ct).ConfigureAwait(false);
        }
    }

    private void OnCommandExecuted(ExecutedCommand command)
    {
        Statistics.CommandFinished(command.Status);
        CommandExecuted?.Invoke(command);
    }
}
