namespace NgTradingBot.EaSimulator;

public sealed partial class SimulatedEa
{
    private async Task HandleTradeEventsAsync(CancellationToken ct)
    {
        while (Terminal.TryDequeueEvent(out var terminalEvent))
        {
            // OnTrade and OnTradeTransaction both return at once when disconnected or without a key.
            if (!CanSend)
            {
                continue;
            }
            switch (terminalEvent)
            {
                case TerminalEvent.DealAdded deal:
                    await OnDealAddedAsync(deal.DealTicket, ct).ConfigureAwait(false);
                    break;
                case TerminalEvent.HistoryOrderAdded order:
                    await OnHistoryOrderAddedAsync(order.PositionTicket, ct).ConfigureAwait(false);
                    break;
                case TerminalEvent.Trade:
                    UpdateProfitCache(force: true);
                    await PostAsync(EaRoutes.ProfitUpdate, ServerRoute(EaRoutes.ProfitUpdate), EaRequestBodies.ProfitUpdate(Login, _apiKey, Terminal.Account, _profitCache), false, ct).ConfigureAwait(false);
                    break;
            }
        }
    }

    private async Task OnDealAddedAsync(ulong dealTicket, CancellationToken ct)
    {
        if (Terminal.FindDeal(dealTicket) is not { IsTrade: true } deal)
        {
            return;
        }
        var ticket = deal.PositionId;
        if (deal.Entry == DealEntry.In)
        {
            await SendTradeUpdateAsync(ticket, TradeAction.Open, "", ct).ConfigureAwait(false);
            if (Terminal.FindPosition(ticket) is { } position)
            {
                _tracker.Track(position);
                await SendLogAsync("INFO", "Trade opened", $"Ticket: {ticket}, {position.Direction} {position.Symbol} {Mql.F2(position.Volume)}", ct).ConfigureAwait(false);
            }
            return;
        }
        var reason = _tracker.Detect(ticket, deal.Price, Terminal.SpecOrUnknown(deal.Symbol).Point);
        await SendTradeUpdateAsync(ticket, TradeAction.Close, reason, ct).ConfigureAwait(false);
        await SendLogAsync("INFO", "Trade closed", $"Ticket: {ticket}, {deal.Symbol}, Profit: {Mql.F2(deal.Profit)}, Reason: {reason}", ct).ConfigureAwait(false);
        _tracker.Untrack(ticket);
    }

    /// <summary>HISTORY_ADD of a filled BUY/SELL order: a MODIFY update while the position still exists.</summary>
    private async Task OnHistoryOrderAddedAsync(ulong ticket, CancellationToken ct)
    {
        await SendTradeUpdateAsync(ticket, TradeAction.Modify, "", ct).ConfigureAwait(false);
        if (Terminal.FindPosition(ticket) is { } position)
        {
            _tracker.Update(position);
            await SendLogAsync("INFO", "Trade modified", $"Ticket: {ticket}, {position.Symbol}, SL: {Mql.F5(position.Sl)}, TP: {Mql.F5(position.Tp)}", ct).ConfigureAwait(false);
        }
    }

    private async Task SendTradeUpdateAsync(ulong ticket, TradeAction action, string closeReason, CancellationToken ct)
    {
        if (!CanSend)
        {
            return;
        }
        var update = action == TradeAction.Close ? FromHistory(ticket, closeReason) : FromPosition(ticket);
        if (update is null)
        {
            // The EA sends nothing when it cannot read the position or its history.
            return;
        }
        await PostAsync(EaRoutes.TradeUpdate, _options.TradesUrl, EaRequestBodies.TradeUpdate(Login, _apiKey, update), false, ct).ConfigureAwait(false);
    }

    private TradeUpdate? FromPosition(ulong ticket)
    {
        if (Terminal.FindPosition(ticket) is not { } p)
        {
            return null;
        }
        var commission = Terminal.DealsOfPosition(ticket).Sum(d => d.Commission);
        return new TradeUpdate(ticket, p.Symbol, p.Direction, p.Volume, p.OpenPrice, p.OpenTime, 0, 0, p.Sl, p.Tp, p.Profit, commission, p.Swap, "open", "");
    }

    /// <summary>CLOSE data come from the deals: the IN deal for the opening side, the last OUT deal for the rest; SL/TP stay 0.</summary>
    private TradeUpdate? FromHistory(ulong ticket, string closeReason)
    {
        var deals = Terminal.DealsOfPosition(ticket);
        var entry = deals.FirstOrDefault(d => d.Entry == DealEntry.In);
        var exit = deals.LastOrDefault(d => d.Entry == DealEntry.Out);
        if (entry is null)
        {
            return null;
        }
        return new TradeUpdate(
            ticket, entry.Symbol, entry.Type == DealType.Buy ? "BUY" : "SELL", entry.Volume, entry.Price, entry.Time,
            exit?.Price ?? 0, exit?.Time ?? 0, 0, 0, exit?.Profit ?? 0, exit?.Commission ?? 0, exit?.Swap ?? 0, "closed", closeReason);
    }
}
