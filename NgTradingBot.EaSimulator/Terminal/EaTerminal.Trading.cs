namespace NgTradingBot.EaSimulator;

public sealed partial class EaTerminal
{
    private const uint PositionClosed = 10036;
    private const uint InvalidRequest = 10013;

    /// <summary>
    /// OrderSend with TRADE_ACTION_DEAL opening a position at ask (BUY) or bid (SELL). The broker checks the
    /// filling mode, trade mode, volume, stops (against bid for BUY, ask for SELL) and free margin.
    /// </summary>
    public OrderSendResult SendMarketOrder(string symbol, TradeSide side, double volume, double sl, double tp, FillingMode filling, string comment = "", long magic = 0)
    {
        lock (_gate)
        {
            if (Spec(symbol) is not { } spec || !_market.TryGetQuote(symbol, out var quote))
            {
                return Reject(InvalidRequest);
            }
            if (RejectionFor(spec, side, filling) is { } refused)
            {
                return Reject(refused);
            }
            var steps = volume / spec.VolumeStep;
            if (volume < spec.VolumeMin - 1e-9 || volume > spec.VolumeMax + 1e-9 || Math.Abs(steps - Math.Round(steps)) > 1e-6)
            {
                return Reject(TradeCodes.InvalidVolume);
            }
            if (!StopsValid(spec, side, quote, sl, tp))
            {
                return Reject(TradeCodes.InvalidStops);
            }
            var price = side == TradeSide.Buy ? quote.Ask : quote.Bid;
            if (FreeMarginLocked() < MarginFor(spec, volume, price))
            {
                return Reject(TradeCodes.NoMoney);
            }
            var order = _nextOrder++;
            var time = Clock.TimeCurrent();
            // MT5 keeps at most 31 characters of an order comment.
            comment = comment.Length > 31 ? comment[..31] : comment;
            var commission = -Math.Round(_options.CommissionPerLot * volume, 2);
            var deal = new Deal(_nextDeal++, order, order, symbol, side == TradeSide.Buy ? DealType.Buy : DealType.Sell, DealEntry.In, volume, price, time, 0, commission, 0, comment);
            _deals.Add(deal);
            _balance += commission;
            _positions.Add(new OpenPosition
            {
                Ticket = order, Symbol = symbol, Side = side, Volume = volume, OpenPrice = price, OpenTime = time,
                Magic = magic, Comment = comment, Sl = spec.Normalize(sl), Tp = spec.Normalize(tp),
            });
            _events.Enqueue(new TerminalEvent.DealAdded(deal.Ticket));
            _events.Enqueue(new TerminalEvent.HistoryOrderAdded(order, side, order));
            _events.Enqueue(new TerminalEvent.Trade());
            return OrderSendResult.Filled(order, price, volume);
        }
    }

    /// <summary>OrderSend with TRADE_ACTION_SLTP. The broker rejects stops on the wrong side or inside the stops level.</summary>
    public OrderSendResult ModifyPosition(ulong ticket, double sl, double tp)
    {
        lock (_gate)
        {
            var p = _positions.Find(x => x.Ticket == ticket);
            if (p is null)
            {
                return Reject(PositionClosed);
            }
            var spec = _specs[p.Symbol];
            _market.TryGetQuote(p.Symbol, out var quote);
            if (spec.Normalize(sl) == p.Sl && spec.Normalize(tp) == p.Tp)
            {
                return Reject(TradeCodes.NoChanges);
            }
            if (!StopsValid(spec, p.Side, quote, sl, tp))
            {
                return Reject(TradeCodes.InvalidStops);
            }
            p.Sl = spec.Normalize(sl);
            p.Tp = spec.Normalize(tp);
            _events.Enqueue(new TerminalEvent.PositionChanged(ticket));
            _events.Enqueue(new TerminalEvent.Trade());
            return new OrderSendResult(true, TradeCodes.Done, 0, 0, 0, 0);
        }
    }

    /// <summary>Closes the full volume with an opposite deal at bid (BUY) or ask (SELL).</summary>
    public OrderSendResult ClosePosition(ulong ticket, FillingMode filling)
    {
        lock (_gate)
        {
            var p = _positions.Find(x => x.Ticket == ticket);
            if (p is null || !_market.TryGetQuote(p.Symbol, out var quote))
            {
                return Reject(PositionClosed);
            }
            var spec = _specs[p.Symbol];
            if (!FillingAllowed(spec, filling))
            {
                return Reject(TradeCodes.InvalidFill);
            }
            if (spec.TradeMode == 0)
            {
                return Reject(TradeCodes.TradeDisabled);
            }
            var price = p.Side == TradeSide.Buy ? quote.Bid : quote.Ask;
            var order = ClosePositionLocked(p, price, "");
            return OrderSendResult.Filled(order, price, p.Volume);
        }
    }

    /// <summary>A non-trading deal (deposit, withdrawal, credit, ...): changes the balance, raises a deal event.</summary>
    public Deal AddBalanceOperation(double amount, string comment, DealType type = DealType.Balance)
    {
        if (type is DealType.Buy or DealType.Sell)
        {
            throw new ArgumentException("Use SendMarketOrder for trades.", nameof(type));
        }
        lock (_gate)
        {
            var deal = new Deal(_nextDeal++, 0, 0, "", type, DealEntry.In, 0, 0, Clock.TimeCurrent(), amount, 0, 0, comment);
            _deals.Add(deal);
            _balance += amount;
            _events.Enqueue(new TerminalEvent.DealAdded(deal.Ticket));
            _events.Enqueue(new TerminalEvent.Trade());
            return deal;
        }
    }

    private void CheckStops(string symbol)
    {
        if (!_market.TryGetQuote(symbol, out var quote))
        {
            return;
        }
        foreach (var p in _positions.Where(x => x.Symbol == symbol).ToList())
        {
            var price = p.Side == TradeSide.Buy ? quote.Bid : quote.Ask;
            var sign = p.Side == TradeSide.Buy ? 1 : -1;
            // No slippage: the broker fills exactly at the level, so the EA's 10-point tolerance recognises it.
            if (p.Tp > 0 && sign * (price - p.Tp) >= 0)
            {
                ClosePositionLocked(p, p.Tp, $"[tp {Mql.F5(p.Tp)}]");
            }
            else if (p.Sl > 0 && sign * (price - p.Sl) <= 0)
            {
                ClosePositionLocked(p, p.Sl, $"[sl {Mql.F5(p.Sl)}]");
            }
        }
    }

    private ulong ClosePositionLocked(OpenPosition p, double price, string comment)
    {
        var order = _nextOrder++;
        var spec = _specs[p.Symbol];
        var sign = p.Side == TradeSide.Buy ? 1 : -1;
        var profit = Math.Round(ToAccount(spec, sign * (price - p.OpenPrice) * p.Volume * spec.ContractSize, price), 2);
        var commission = -Math.Round(_options.CommissionPerLot * p.Volume, 2);
        var closeSide = p.Side == TradeSide.Buy ? TradeSide.Sell : TradeSide.Buy;
        var deal = new Deal(_nextDeal++, order, p.Ticket, p.Symbol, closeSide == TradeSide.Buy ? DealType.Buy : DealType.Sell, DealEntry.Out, p.Volume, price, Clock.TimeCurrent(), profit, commission, 0, comment);
        _deals.Add(deal);
        _balance += profit + commission;
        _positions.Remove(p);
        _events.Enqueue(new TerminalEvent.DealAdded(deal.Ticket));
        _events.Enqueue(new TerminalEvent.HistoryOrderAdded(order, closeSide, p.Ticket));
        _events.Enqueue(new TerminalEvent.Trade());
        return order;
    }

    private static uint? RejectionFor(SymbolSpec spec, TradeSide side, FillingMode filling) => spec.TradeMode switch
    {
        _ when !FillingAllowed(spec, filling) => TradeCodes.InvalidFill,
        0 => TradeCodes.TradeDisabled,
        3 => TradeCodes.CloseOnly,
        1 when side == TradeSide.Sell => TradeCodes.LongOnly,
        2 when side == TradeSide.Buy => TradeCodes.ShortOnly,
        _ => null,
    };

    private static bool FillingAllowed(SymbolSpec spec, FillingMode filling) => filling switch
    {
        FillingMode.Fok => (spec.FillingMode & 1) != 0,
        FillingMode.Ioc => (spec.FillingMode & 2) != 0,
        _ => true,
    };

    // MT5's rule: a BUY's stops are measured from the bid, a SELL's from the ask, at least stops_level points away.
    private static bool StopsValid(SymbolSpec spec, TradeSide side, Quote quote, double sl, double tp)
    {
        var min = spec.StopsLevel * spec.Point;
        var reference = side == TradeSide.Buy ? quote.Bid : quote.Ask;
        var sign = side == TradeSide.Buy ? 1 : -1;
        var slOk = sl == 0 || sign * (reference - sl) > 0 && sign * (reference - sl) >= min - 1e-9;
        var tpOk = tp == 0 || sign * (tp - reference) > 0 && sign * (tp - reference) >= min - 1e-9;
        return slOk && tpOk;
    }

    private OrderSendResult Reject(uint retcode) => OrderSendResult.Rejected(retcode, _options.BrokerRejectsAsRetcode);
}
