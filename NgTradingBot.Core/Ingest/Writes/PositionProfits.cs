using Npgsql;
using NgTradingBot.EaProtocol.Requests;

namespace NgTradingBot.Core.Ingest.Writes;

/// <summary>
/// Open positions from tick batches: their floating profit and swap (only each account's latest snapshot in a
/// batch matters, only changed rows are rewritten), and reconciliation against the list. A stored open ticket
/// missing from every complete list for <see cref="IngestOptions.ClosePositionsMissingFor"/> is closed with
/// reason SYNC_RECONCILIATION and its last known profit (the EA closed it while cut off, so no CLOSE update comes;
/// if one does, it repairs price, time and profit). One list that lacks it proves nothing: an EA starting up, or a
/// position opened after the snapshot, both look like that for a moment, and any list holding the ticket resets it.
/// </summary>
public sealed class PositionProfits(TimeSpan closeMissingAfter)
{
    private readonly Dictionary<long, (DateTime At, IReadOnlyList<PositionSnapshot> Positions, bool Complete)> _latest = [];

    public void Set(long accountId, DateTimeOffset receivedAt, IReadOnlyList<PositionSnapshot> positions, bool complete)
    {
        var at = receivedAt.UtcDateTime;
        if (!_latest.TryGetValue(accountId, out var current) || at >= current.At)
        {
            _latest[accountId] = (at, positions, complete);
        }
    }

    /// <summary>Adds the profit UPDATE of the changed rows and the reconciliation of complete lists to the batch's statements.</summary>
    public void AddTo(NpgsqlBatch batch)
    {
        var rows = _latest
            .SelectMany(account => account.Value.Positions
                .GroupBy(p => p.Ticket).Select(g => g.Last())
                .Select(p => (AccountId: account.Key, p.Ticket, p.Profit, p.Swap)))
            .OrderBy(r => r.AccountId).ThenBy(r => r.Ticket)
            .ToList();
        var lists = _latest.Where(a => a.Value.Complete).OrderBy(a => a.Key).ToList();
        _latest.Clear();
        if (rows.Count > 0)
        {
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
        if (lists.Count == 0)
        {
            return;
        }

        var listed = lists.SelectMany(a => a.Value.Positions.Select(p => (AccountId: a.Key, p.Ticket))).ToList();
        // Only rows whose verdict changes are written: a ticket newly missing, back in the list, or missing long enough.
        batch.AddCommand("""
            WITH lists AS (SELECT * FROM unnest($1, $2) AS l(account_id, at)),
            listed AS (SELECT * FROM unnest($3, $4) AS p(account_id, ticket)),
            open_trades AS (
                SELECT t.account_id, t.ticket, l.at,
                       EXISTS (SELECT 1 FROM listed p WHERE p.account_id = t.account_id AND p.ticket = t.ticket) AS listed
                  FROM trades t JOIN lists l ON l.account_id = t.account_id
                 WHERE t.status = 'open'
                 ORDER BY t.account_id, t.ticket
                   FOR UPDATE OF t),
            changed AS (
                UPDATE trades t SET
                    missing_since = CASE WHEN o.listed THEN NULL ELSE coalesce(t.missing_since, o.at) END,
                    status = CASE WHEN NOT o.listed AND coalesce(t.missing_since, o.at) <= o.at - $5 THEN 'closed' ELSE t.status END,
                    close_reason = CASE WHEN NOT o.listed AND coalesce(t.missing_since, o.at) <= o.at - $5 THEN 'SYNC_RECONCILIATION'
                                        ELSE t.close_reason END,
                    updated_at = now()
                  FROM open_trades o
                 WHERE t.account_id = o.account_id AND t.ticket = o.ticket
                   AND (o.listed AND t.missing_since IS NOT NULL
                        OR NOT o.listed AND (t.missing_since IS NULL OR t.missing_since <= o.at - $5))
                RETURNING t.account_id, t.ticket, t.status, t.profit, t.missing_since)
            INSERT INTO audit_events (actor, action, account_id, subject, data)
            SELECT 'core', 'trade.closed_by_reconciliation', account_id, ticket::text,
                   jsonb_build_object('reason', 'missing from the EA''s open positions since ' || missing_since, 'lastProfit', profit)
              FROM changed WHERE status = 'closed'
            """)
            .AddValue(lists.Select(a => a.Key).ToArray())
            .AddValue(TimestampArrays.Of(lists.Select(a => a.Value.At)))
            .AddValue(listed.Select(p => p.AccountId).ToArray())
            .AddValue(listed.Select(p => p.Ticket).ToArray())
            .AddValue(closeMissingAfter);
    }
}
