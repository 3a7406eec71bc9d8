using NgTradingBot.EaProtocol.Domain;
using NgTradingBot.EaProtocol.Requests;

namespace NgTradingBot.Core.Trades;

/// <summary>What a /api/trades/sync changes: positions to insert, to update (or reopen), and to close.</summary>
/// <param name="Guarded">True when an empty list met stored open positions and nothing was closed.</param>
/// <param name="StoredOpen">How many positions were stored open when the plan was made.</param>
public sealed record SyncPlan(IReadOnlyList<TradeRow> Inserts, IReadOnlyList<TradeRow> Updates, IReadOnlyList<long> Closes, bool Guarded, int StoredOpen)
{
    public bool Writes => Inserts.Count + Updates.Count + Closes.Count > 0;
}

/// <summary>
/// Reconciles an account's stored open positions to the EA's complete list (contract section 12). The EA
/// is the source of truth, with the lessons of the legacy design applied: an empty list closes nothing
/// (an EA mid-startup sends one), prices are compared as decimals at 5 places, and a sync-close keeps the
/// last known figures for the EA's own CLOSE update to correct.
/// </summary>
public static class TradeReconciliation
{
    public const string SyncCloseReason = "SYNC_RECONCILIATION";

    /// <param name="stored">The account's open positions, plus stored closed rows of tickets in the list.</param>
    public static SyncPlan Plan(IReadOnlyList<TradeRow> stored, IReadOnlyList<SyncedTrade> synced)
    {
        var byTicket = stored.ToDictionary(t => t.Ticket);
        var inserts = new List<TradeRow>();
        var updates = new List<TradeRow>();
        foreach (var trade in synced)
        {
            var row = ToRow(trade, byTicket.GetValueOrDefault(trade.Ticket));
            if (!byTicket.TryGetValue(trade.Ticket, out var existing))
            {
                inserts.Add(row);
            }
            else if (existing.Status != TradeRow.Open || Changed(existing, row))
            {
                updates.Add(row);
            }
        }

        var listed = synced.Select(t => t.Ticket).ToHashSet();
        var missing = stored.Where(t => t.Status == TradeRow.Open && !listed.Contains(t.Ticket)).Select(t => t.Ticket).ToList();
        var guarded = synced.Count == 0 && missing.Count > 0;
        return new SyncPlan(inserts, updates, guarded ? [] : missing, guarded, stored.Count(t => t.Status == TradeRow.Open));
    }

    /// <summary>SL, TP and volume are what a sync reports changes of; floating profit moves all the time.</summary>
    public static bool Changed(TradeRow stored, TradeRow reported) =>
        !TradeRow.SamePrice(stored.Sl, reported.Sl) || !TradeRow.SamePrice(stored.Tp, reported.Tp) || !TradeRow.SamePrice(stored.Volume, reported.Volume);

    private static TradeRow ToRow(SyncedTrade trade, TradeRow? stored) => new(
        trade.Ticket,
        trade.Symbol,
        EaWireNames.Directions.ToWire(trade.Direction),
        trade.Volume,
        trade.OpenPrice,
        trade.OpenTime,
        ClosePrice: null,
        CloseTimeBroker: null,
        TradeRow.Stop(trade.StopLoss),
        TradeRow.Stop(trade.TakeProfit),
        trade.Profit ?? stored?.Profit,
        trade.Commission ?? stored?.Commission,
        trade.Swap ?? stored?.Swap,
        TradeRow.Open,
        CloseReason: null,
        stored?.Source ?? "SYNC",
        stored?.CommandId);
}
