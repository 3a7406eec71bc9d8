using NgTradingBot.Core.Trades;
using NgTradingBot.EaProtocol.Requests;
using NgTradingBot.Infrastructure.Handoff;

namespace NgTradingBot.Core.Ingest.Handlers;

/// <summary>
/// The EA's complete list of open positions (/api/trades/sync), reconciled by <see cref="TradeReconciliation"/>.
/// Each row is written under its own savepoint, so one bad row does not undo the rest, and the counts in
/// the receipt are of rows actually stored.
/// </summary>
public sealed class TradesSyncHandler(ILogger<TradesSyncHandler> logger) : IIngestHandler
{
    private const string RowSavepoint = "sync_row";

    public string Kind => IngestKinds.TradesSync;

    public async Task HandleAsync(IngestContext context)
    {
        var sync = context.Parse(TradesSyncRequest.Parse);
        context.RequireAccount(sync.Account);
        var accountId = context.Account.Id;
        var stored = await TradeStore.GetForSyncAsync(context.Connection, context.Transaction, accountId, [.. sync.Trades.Select(t => t.Ticket)]);
        var plan = TradeReconciliation.Plan(stored, sync.Trades);
        if (plan.Guarded)
        {
            logger.LogWarning("Account {Login} reported no open positions while {Count} are stored open; closing none (an EA starting up reports an empty list)",
                context.Account.Login, stored.Count(t => t.Status == TradeRow.Open));
        }

        var failed = new List<object>();
        var inserted = await WriteEachAsync(context, plan.Inserts, r => r.Ticket,
            row => TradeStore.UpsertAsync(context.Connection, context.Transaction, accountId, row), failed);
        var updated = await WriteEachAsync(context, plan.Updates, r => r.Ticket,
            row => TradeStore.UpsertAsync(context.Connection, context.Transaction, accountId, row), failed);
        var closed = await WriteEachAsync(context, plan.Closes, ticket => ticket,
            ticket => TradeStore.SyncCloseAsync(context.Connection, context.Transaction, accountId, ticket), failed);
        context.Effects = new
        {
            inserted = inserted.Count,
            updated = updated.Count,
            closed = closed.Count,
            insertedTickets = inserted,
            updatedTickets = updated,
            closedTickets = closed,
            guarded = plan.Guarded,
            failed,
        };
    }

    /// <returns>The tickets whose statement stored a row.</returns>
    private static async Task<List<long>> WriteEachAsync<T>(IngestContext context, IReadOnlyList<T> items, Func<T, long> ticketOf,
        Func<T, Task<int>> write, List<object> failed)
    {
        var stored = new List<long>();
        foreach (var item in items)
        {
            await context.Transaction.SaveAsync(RowSavepoint);
            try
            {
                if (await write(item) > 0)
                {
                    stored.Add(ticketOf(item));
                }

                await context.Transaction.ReleaseAsync(RowSavepoint);
            }
            catch (Npgsql.PostgresException ex) when (!ex.IsTransient)
            {
                await context.Transaction.RollbackAsync(RowSavepoint);
                failed.Add(new { ticket = ticketOf(item), error = ex.MessageText });
            }
        }

        return stored;
    }
}
