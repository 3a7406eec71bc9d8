using Npgsql;
using NgTradingBot.Core.Persistence;
using NgTradingBot.EaProtocol.Requests;

namespace NgTradingBot.Core.Trades;

/// <summary>What a reconciliation stored: counts and tickets of rows actually written.</summary>
public sealed record SyncOutcome(
    IReadOnlyList<long> Inserted,
    IReadOnlyList<long> Updated,
    IReadOnlyList<long> Closed,
    bool Guarded,
    IReadOnlyList<SyncFailure> Failed);

public sealed record SyncFailure(long Ticket, string Error);

/// <summary>
/// Reconciles an account's trades to the EA's complete list of open positions (/api/trades/sync): the
/// EA is the truth for positions. Each row is written under its own savepoint, so one bad row does not
/// undo the rest; an empty list never closes anything (an EA starting up reports one).
/// </summary>
public sealed class TradeSyncReconciler(ILogger<TradeSyncReconciler> logger)
{
    private const string RowSavepoint = "sync_row";

    public async Task<SyncOutcome> ReconcileAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long accountId, long login,
        IReadOnlyList<SyncedTrade> reported)
    {
        long[] tickets = [.. reported.Select(t => t.Ticket)];
        // Most lists change nothing (an EA sends its list every 10 s; profit alone is not a change). Locking every open row
        // writes WAL, so such a sync would wait for a flush at commit: 500 positions took 14 ms instead of 8. The plan is
        // made from a plain read first, and only when it writes are the rows locked and the plan made again from them.
        var plan = TradeReconciliation.Plan(await TradeStore.GetForSyncAsync(connection, transaction, accountId, tickets, locked: false), reported);
        if (plan.Writes)
        {
            plan = TradeReconciliation.Plan(await TradeStore.GetForSyncAsync(connection, transaction, accountId, tickets, locked: true), reported);
        }
        if (plan.Guarded)
        {
            logger.LogWarning("Account {Login} reported no open positions while {Count} are stored open; closing none (an EA starting up reports an empty list)",
                login, plan.StoredOpen);
        }

        var failed = new List<SyncFailure>();
        var inserted = await WriteEachAsync(transaction, plan.Inserts, r => r.Ticket, Upsert, failed);
        var updated = await WriteEachAsync(transaction, plan.Updates, r => r.Ticket, Upsert, failed);
        var closed = await WriteEachAsync(transaction, plan.Closes, ticket => ticket,
            ticket => TradeStore.SyncCloseAsync(connection, transaction, accountId, ticket), failed);
        return new SyncOutcome(inserted, updated, closed, plan.Guarded, failed);

        async Task<int> Upsert(TradeRow row)
        {
            await TradeStore.UpsertAsync(connection, transaction, accountId, row);
            return 1;
        }
    }

    private static async Task<List<long>> WriteEachAsync<T>(NpgsqlTransaction transaction, IReadOnlyList<T> items, Func<T, long> ticketOf,
        Func<T, Task<int>> write, List<SyncFailure> failed)
    {
        var stored = new List<long>();
        foreach (var item in items)
        {
            await transaction.SaveAsync(RowSavepoint);
            try
            {
                if (await write(item) > 0)
                {
                    stored.Add(ticketOf(item));
                }
                await transaction.ReleaseAsync(RowSavepoint);
            }
            catch (PostgresException ex) when (!ex.IsTransient)
            {
                await transaction.RollBackFailedStatementAsync(RowSavepoint);
                failed.Add(new SyncFailure(ticketOf(item), ex.MessageText));
            }
        }
        return stored;
    }
}
