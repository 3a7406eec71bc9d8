using System.Text.Json;

namespace NgTradingBot.EaProtocol.Requests;

/// <summary>
/// POST /api/trades/sync (core design, section 12): the complete list of open positions, which the
/// server reconciles the account to.
/// </summary>
/// <remarks>
/// Unlike tick batches, one bad row fails the whole request: a dropped row would look like a closed
/// position to the reconciliation. Duplicate tickets are rejected for the same reason. An empty list
/// parses (it is valid), but it is not proof that every trade closed (an EA mid-startup sends one):
/// check <see cref="IsEmpty"/> before closing anything.
/// </remarks>
public sealed record TradesSyncRequest(long Account, IReadOnlyList<SyncedTrade> Trades)
{
    public bool IsEmpty => Trades.Count == 0;

    public static EaParseResult<TradesSyncRequest> Parse(JsonElement body)
    {
        var reader = new FieldReader(body);
        var account = reader.Account();
        var items = reader.Array("trades");
        var trades = new List<SyncedTrade>(items.Count);
        var firstIndexByTicket = new Dictionary<long, int>();
        for (var i = 0; i < items.Count && reader.Error is null; i++)
        {
            var item = reader.Item("trades", i, items[i]);
            var trade = SyncedTrade.Read(item);
            reader.Adopt(item);
            if (reader.Error is null && !firstIndexByTicket.TryAdd(trade.Ticket, i))
            {
                reader.Fail($"trades[{i}].ticket {trade.Ticket} repeats trades[{firstIndexByTicket[trade.Ticket]}]");
            }

            trades.Add(trade);
        }

        return reader.Result(new TradesSyncRequest(account, trades));
    }
}
