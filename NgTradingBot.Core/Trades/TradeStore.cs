using Npgsql;
using NgTradingBot.EaProtocol.Requests;
using NgTradingBot.Core.Ingest;

namespace NgTradingBot.Core.Trades;

/// <summary>The SQL behind trade updates and reconciliation, always inside the caller's (ingest) transaction.</summary>
// Raw Npgsql: every trade update and sync row goes through here on the caller's transaction, bound and read by position.
public static class TradeStore
{
    public static async Task<TradeRow?> GetForUpdateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long accountId, long ticket)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT {TradeRow.Columns} FROM trades WHERE account_id = $1 AND ticket = $2 FOR UPDATE", connection, transaction);
        command.Parameters.AddValue(accountId).AddValue(ticket);
        return await command.ReadFirstOrDefaultAsync(Read);
    }

    /// <summary>The account's open positions and any stored row of the listed tickets, locked for the reconciliation when <paramref name="locked"/>.</summary>
    public static async Task<IReadOnlyList<TradeRow>> GetForSyncAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        long accountId, long[] tickets, bool locked)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT {TradeRow.Columns} FROM trades
             WHERE account_id = $1 AND (status = 'open' OR ticket = ANY($2))
             ORDER BY ticket{(locked ? " FOR UPDATE" : "")}
            """, connection, transaction);
        command.Parameters.AddValue(accountId).AddValue(tickets);
        return await command.ReadAllAsync(Read);
    }

    /// <summary>
    /// Writes the row. A position without a command link is linked to the OPEN_TRADE command whose
    /// response reported this ticket (the EA's trade updates carry no command id). True when the row is linked.
    /// </summary>
    public static async Task<bool> UpsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long accountId, TradeRow row)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO trades (account_id, ticket, symbol, direction, volume, open_price, open_time_broker, close_price, close_time_broker,
                                sl, tp, profit, commission, swap, status, close_reason, source, command_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9,
                    $10, $11, $12, $13, $14, $15, $16, $17,
                    coalesce($18, (SELECT id FROM commands WHERE account_id = $1 AND type = 'OPEN_TRADE' AND ticket = $2
                                   ORDER BY created_at DESC LIMIT 1)))
            ON CONFLICT (account_id, ticket) DO UPDATE SET
                symbol = EXCLUDED.symbol, direction = EXCLUDED.direction, volume = EXCLUDED.volume,
                open_price = EXCLUDED.open_price, open_time_broker = EXCLUDED.open_time_broker,
                close_price = EXCLUDED.close_price, close_time_broker = EXCLUDED.close_time_broker,
                sl = EXCLUDED.sl, tp = EXCLUDED.tp, profit = EXCLUDED.profit, commission = EXCLUDED.commission, swap = EXCLUDED.swap,
                status = EXCLUDED.status, close_reason = EXCLUDED.close_reason, source = EXCLUDED.source,
                command_id = coalesce(trades.command_id, EXCLUDED.command_id), updated_at = now()
            RETURNING command_id IS NOT NULL
            """, connection, transaction);
        command.Parameters
            .AddValue(accountId).AddValue(row.Ticket).AddValue(row.Symbol).AddValue(row.Direction).AddValue(row.Volume)
            .AddValue(row.OpenPrice).AddValue(row.OpenTimeBroker).AddValue(row.ClosePrice).AddValue(row.CloseTimeBroker)
            .AddValue(row.Sl).AddValue(row.Tp).AddValue(row.Profit).AddValue(row.Commission).AddValue(row.Swap)
            .AddValue(row.Status).AddValue(row.CloseReason).AddValue(row.Source).AddValue(row.CommandId);
        return await command.ExecuteScalarAsync() is true;
    }

    /// <summary>
    /// Links each listed position that still has no command to the OPEN_TRADE whose answer reported its ticket.
    /// Runs after the writer committed, outside any transaction: the command lane stores the answer while the data
    /// lane (or a trades sync) stores the position, and under READ COMMITTED each transaction's own link misses the
    /// other's uncommitted row. Both writers run this after their commit, so the one that commits second sees both rows.
    /// A failure is logged, not thrown: the writer's work is committed and must not be done again, and the position's
    /// next update (or sync) links it.
    /// </summary>
    public static async Task LinkToOpeningCommandsAsync(NpgsqlConnection connection, IReadOnlyCollection<(long AccountId, long Ticket)> positions,
        ILogger logger)
    {
        if (positions.Count == 0)
        {
            return;
        }
        await using var command = new NpgsqlCommand("""
            UPDATE trades t SET command_id = c.id, updated_at = now()
              FROM unnest($1, $2) AS p(account_id, ticket),
                   LATERAL (SELECT id FROM commands
                             WHERE account_id = p.account_id AND type = 'OPEN_TRADE' AND ticket = p.ticket
                             ORDER BY created_at DESC LIMIT 1) c
             WHERE t.account_id = p.account_id AND t.ticket = p.ticket AND t.command_id IS NULL
            """, connection);
        command.Parameters.AddValue(positions.Select(p => p.AccountId).ToArray()).AddValue(positions.Select(p => p.Ticket).ToArray());
        try
        {
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            logger.LogWarning("Linking {Count} new positions to their commands after a commit failed: {Error}", positions.Count, ex.Message);
        }
    }

    /// <summary>
    /// Keeps one CLOSE update as a realised part (a repeat of the same deal is ignored) and sets the trade's realised
    /// profit to the sum of its parts; a closed trade's profit becomes that sum too, so a partial close is never lost.
    /// </summary>
    public static async Task RecordClosePartAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long accountId, TradeUpdateRequest close)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.AddCommand("""
            INSERT INTO trade_close_parts (account_id, ticket, close_time_broker, close_price, profit, commission, swap, close_reason)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (account_id, ticket, close_time_broker, close_price, profit) DO NOTHING
            """)
            .AddValue(accountId).AddValue(close.Ticket).AddValue(close.CloseTime).AddValue(close.ClosePrice).AddValue(close.Profit)
            .AddValue(close.Commission).AddValue(close.Swap).AddValue(close.CloseReason);
        batch.AddCommand("""
            UPDATE trades t SET realized_profit = p.total, profit = CASE WHEN t.status = 'closed' THEN p.total ELSE t.profit END
              FROM (SELECT sum(profit) AS total FROM trade_close_parts WHERE account_id = $1 AND ticket = $2) p
             WHERE t.account_id = $1 AND t.ticket = $2
            """)
            .AddValue(accountId).AddValue(close.Ticket);
        await batch.FlushAsync();
    }

    /// <summary>A sync-close: no close price or profit is known, so the last known figures stay until the EA's own CLOSE update.</summary>
    public static async Task<int> SyncCloseAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long accountId, long ticket)
    {
        await using var command = new NpgsqlCommand("""
            UPDATE trades SET status = 'closed', close_reason = $3, updated_at = now()
             WHERE account_id = $1 AND ticket = $2 AND status = 'open'
            """, connection, transaction);
        command.Parameters.AddValue(accountId).AddValue(ticket).AddValue(TradeReconciliation.SyncCloseReason);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>One row in the order of <see cref="TradeRow.Columns"/>.</summary>
    private static TradeRow Read(NpgsqlDataReader row) => new(
        row.GetInt64(0),
        row.GetString(1),
        row.GetString(2),
        row.GetDecimal(3),
        row.GetFieldValue<decimal?>(4),
        row.GetFieldValue<long?>(5),
        row.GetFieldValue<decimal?>(6),
        row.GetFieldValue<long?>(7),
        row.GetFieldValue<decimal?>(8),
        row.GetFieldValue<decimal?>(9),
        row.GetFieldValue<decimal?>(10),
        row.GetFieldValue<decimal?>(11),
        row.GetFieldValue<decimal?>(12),
        row.GetString(13),
        NullableText(row, 14),
        NullableText(row, 15),
        NullableText(row, 16));

    /// <summary>Npgsql reads a NULL as null only into a nullable value type; a string column needs the check.</summary>
    private static string? NullableText(NpgsqlDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);
}
