using Npgsql;
using NgTradingBot.EaProtocol.Requests;

namespace NgTradingBot.Core.Ingest.Writes;

/// <summary>
/// Floating profit and swap of open positions from tick batches. Only each account's latest snapshot in
/// a batch matters, and only rows that changed are rewritten.
/// </summary>
public sealed class PositionProfits
{
    private readonly Dictionary<long, (DateTime At, IReadOnlyList<PositionSnapshot> Positions)> _latest = [];

    public void Set(long accountId, DateTimeOffset receivedAt, IReadOnlyList<PositionSnapshot> positions)
    {
        var at = receivedAt.UtcDateTime;
        if (!_latest.TryGetValue(accountId, out var current) || at >= current.At)
        {
            _latest[accountId] = (at, positions);
        }
    }

    /// <summary>Adds the one UPDATE of the changed rows to the batch's statements.</summary>
    public void AddTo(NpgsqlBatch batch)
    {
        var rows = _latest
            .SelectMany(account => account.Value.Positions
                .GroupBy(p => p.Ticket).Select(g => g.Last())
                .Select(p => (AccountId: account.Key, p.Ticket, p.Profit, p.Swap)))
            .OrderBy(r => r.AccountId).ThenBy(r => r.Ticket)
            .ToList();
        _latest.Clear();
        if (rows.Count == 0)
        {
            return;
        }

        batch.AddCommand("""
            UPDATE trades t SET profit = i.profit, swap = i.swap, updated_at = now()
              FROM unnest($1, $2, $3, $4) AS i(account_id, ticket, profit, swap)
             WHERE t.account_id = i.account_id AND t.ticket = i.ticket AND t.status = 'open'
               AND (t.profit IS DISTINCT FROM i.profit OR t.swap IS DISTINCT FROM i.swap)
            """)
            .AddValue(rows.Select(r => r.AccountId).ToArray())
            .AddValue(rows.Select(r => r.Ticket).ToArray())
            .AddValue(rows.Select(r => r.Profit).ToArray())
            .AddValue(rows.Select(r => r.Swap).ToArray());
    }
}
