using Dapper;
using Npgsql;

namespace NgTradingBot.Core.Trades;

/// <summary>The SQL behind trade updates and reconciliation, always inside the caller's (ingest) transaction.</summary>
public static class TradeStore
{
    public static Task<TradeRow?> GetForUpdateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long accountId, long ticket) =>
        connection.QuerySingleOrDefaultAsync<TradeRow?>(
            $"SELECT {TradeRow.Columns} FROM trades WHERE account_id = @accountId AND ticket = @ticket FOR UPDATE",
            new { accountId, ticket }, transaction);

    /// <summary>The account's open positions and any stored row of the listed tickets, locked for the reconciliation.</summary>
    public static async Task<IReadOnlyList<TradeRow>> GetForSyncAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        long accountId, long[] tickets) =>
        [.. await connection.QueryAsync<TradeRow>($"""
            SELECT {TradeRow.Columns} FROM trades
             WHERE account_id = @accountId AND (status = 'open' OR ticket = ANY(@tickets))
             ORDER BY ticket FOR UPDATE
            """, new { accountId, tickets }, transaction)];

    /// <summary>
    /// Writes the row. A position without a command link is linked to the OPEN_TRADE command whose
    /// response reported this ticket (the EA's trade updates carry no command id).
    /// </summary>
    public static Task<int> UpsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long accountId, TradeRow row) =>
        connection.ExecuteAsync("""
            INSERT INTO trades (account_id, ticket, symbol, direction, volume, open_price, open_time_broker, close_price, close_time_broker,
                                sl, tp, profit, commission, swap, status, close_reason, source, command_id)
            VALUES (@accountId, @Ticket, @Symbol, @Direction, @Volume, @OpenPrice, @OpenTimeBroker, @ClosePrice, @CloseTimeBroker,
                    @Sl, @Tp, @Profit, @Commission, @Swap, @Status, @CloseReason, @Source,
                    coalesce(@CommandId, (SELECT id FROM commands WHERE account_id = @accountId AND type = 'OPEN_TRADE' AND ticket = @Ticket
                                           ORDER BY created_at DESC LIMIT 1)))
            ON CONFLICT (account_id, ticket) DO UPDATE SET
                symbol = EXCLUDED.symbol, direction = EXCLUDED.direction, volume = EXCLUDED.volume,
                open_price = EXCLUDED.open_price, open_time_broker = EXCLUDED.open_time_broker,
                close_price = EXCLUDED.close_price, close_time_broker = EXCLUDED.close_time_broker,
                sl = EXCLUDED.sl, tp = EXCLUDED.tp, profit = EXCLUDED.profit, commission = EXCLUDED.commission, swap = EXCLUDED.swap,
                status = EXCLUDED.status, close_reason = EXCLUDED.close_reason, source = EXCLUDED.source,
                command_id = coalesce(trades.command_id, EXCLUDED.command_id), updated_at = now()
            """, new
        {
            accountId, row.Ticket, row.Symbol, row.Direction, row.Volume, row.OpenPrice, row.OpenTimeBroker, row.ClosePrice, row.CloseTimeBroker,
            row.Sl, row.Tp, row.Profit, row.Commission, row.Swap, row.Status, row.CloseReason, row.Source, row.CommandId,
        }, transaction);

    /// <summary>A sync-close: no close price or profit is known, so the last known figures stay until the EA's own CLOSE update.</summary>
    public static Task<int> SyncCloseAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long accountId, long ticket) =>
        connection.ExecuteAsync("""
            UPDATE trades SET status = 'closed', close_reason = @reason, updated_at = now()
             WHERE account_id = @accountId AND ticket = @ticket AND status = 'open'
            """, new { accountId, ticket, reason = TradeReconciliation.SyncCloseReason }, transaction);
}
