using NgTradingBot.EaProtocol.Domain;
using NgTradingBot.EaProtocol.Requests;

namespace NgTradingBot.Core.Trades;

/// <summary>
/// How one /api/trades/update changes the stored position (contract sections 5.12 and 11). The EA sends
/// OPEN for a new position and, every 10 s, for every open one; CLOSE once per closing deal, partial
/// closes included. A pure function, so the rules below are tested without a database.
/// </summary>
public static class TradeUpdateRule
{
    public static TradeRow Apply(TradeRow? stored, TradeUpdateRequest update)
    {
        var direction = EaWireNames.Directions.ToWire(update.Direction);
        var source = update.Source.Length > 0 ? update.Source : stored?.Source;
        if (update.Status == TradeStatus.Open)
        {
            // Live values. A closed ticket coming back open is the rest of a partial close: it takes the
            // new (reduced) volume and sheds the partial close's price, time and reason.
            return new TradeRow(update.Ticket, update.Symbol, direction, update.Volume, update.OpenPrice, update.OpenTime,
                ClosePrice: null, CloseTimeBroker: null, TradeRow.Stop(update.StopLoss), TradeRow.Stop(update.TakeProfit),
                update.Profit, update.Commission, update.Swap, TradeRow.Open, CloseReason: null, source, stored?.CommandId);
        }

        // A CLOSE comes from deal history: its volume is the IN deal's (not what was still open), its
        // SL/TP are always 0 (never overwrite the known stops) and its commission is the OUT deal's only,
        // which adds to the commission the position had accumulated.
        return new TradeRow(
            update.Ticket,
            stored?.Symbol ?? update.Symbol,
            stored?.Direction ?? direction,
            stored?.Volume ?? update.Volume,
            stored?.OpenPrice ?? update.OpenPrice,
            stored?.OpenTimeBroker ?? update.OpenTime,
            update.ClosePrice,
            update.CloseTime > 0 ? update.CloseTime : stored?.CloseTimeBroker,
            stored?.Sl,
            stored?.Tp,
            update.Profit,
            stored is null ? update.Commission : (stored.Commission ?? 0m) + update.Commission,
            update.Swap,
            TradeRow.Closed,
            update.CloseReason.Length > 0 ? update.CloseReason : stored?.CloseReason ?? "UNKNOWN",
            source,
            stored?.CommandId);
    }
}
