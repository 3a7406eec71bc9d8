using Microsoft.Extensions.Options;
using Npgsql;
using NgTradingBot.Core.Ingest;

namespace NgTradingBot.Core.Commands;

/// <summary>
/// Settles OUTCOME_UNKNOWN commands, so none stays unfinished: an OPEN_TRADE whose position was reported becomes
/// COMPLETED, linked both ways (<c>commands.ticket</c>, <c>trades.command_id</c>; the rule is <see cref="OutcomeMatch"/>);
/// one whose position has not appeared within <see cref="CommandOptions.OutcomeResolveWithin"/> of its delivery becomes
/// FAILED. Runs on the caller's transaction: the ingest path calls it when a position arrives, the timeout sweep for
/// the time bound. Rows another transaction holds are skipped (SKIP LOCKED): the next pass takes them, and neither
/// path waits for the other, whatever order they lock commands and trades in.
/// </summary>
// Raw Npgsql: it runs inside the ingest batch's and the trades sync's transactions, which hold raw connections.
public sealed class OutcomeResolver(IOptions<CommandOptions> options)
{
    /// <summary>A command this resolver finished: retire <see cref="WireId"/> from Redis once committed.</summary>
    public sealed record Resolution(string CommandId, string WireId, string Status, long? Ticket);

    private sealed record Candidate(UnknownOpen Command, int Attempts);

    /// <summary>Links the account's OUTCOME_UNKNOWN OPEN_TRADEs to the positions they opened, where the positions are stored.</summary>
    public async Task<IReadOnlyList<Resolution>> MatchAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long accountId)
    {
        var settings = options.Value;
        await using var unknown = new NpgsqlCommand("""
            SELECT id, payload->>'symbol', payload->>'order_type', (payload->>'volume')::numeric, delivered_at, attempts
              FROM commands
             WHERE account_id = $1 AND status = 'OUTCOME_UNKNOWN' AND type = 'OPEN_TRADE' AND delivered_at IS NOT NULL
             ORDER BY delivered_at
               FOR UPDATE SKIP LOCKED
            """, connection, transaction);
        unknown.Parameters.AddValue(accountId);
        var candidates = await unknown.ReadAllAsync(row => new Candidate(
            new UnknownOpen(row.GetString(0), row.IsDBNull(1) ? "" : row.GetString(1), row.IsDBNull(2) ? "" : row.GetString(2),
                row.IsDBNull(3) ? 0m : row.GetDecimal(3), row.GetFieldValue<DateTimeOffset>(4)),
            row.GetInt32(5)));
        if (candidates.Count == 0)
        {
            return [];
        }

        await using var positions = new NpgsqlCommand("""
            SELECT t.ticket, t.symbol, t.direction, t.volume, t.open_time_broker, t.first_seen_at
              FROM trades t
             WHERE t.account_id = $1 AND t.command_id IS NULL AND t.first_seen_at >= $2
               AND NOT EXISTS (SELECT 1 FROM commands c WHERE c.account_id = t.account_id AND c.ticket = t.ticket AND c.type = 'OPEN_TRADE')
             ORDER BY t.ticket
               FOR UPDATE OF t SKIP LOCKED
            """, connection, transaction);
        positions.Parameters.AddValue(accountId).AddValue(candidates.Min(c => c.Command.DeliveredAt) - settings.OutcomeClockSlack);
        var unlinked = await positions.ReadAllAsync(row => new UnlinkedPosition(row.GetInt64(0), row.GetString(1), row.GetString(2),
            row.GetDecimal(3), row.GetFieldValue<long?>(4), row.GetFieldValue<DateTimeOffset>(5)));
        if (unlinked.Count == 0)
        {
            return [];
        }

        var offset = await BrokerOffsetAsync(connection, transaction, accountId);
        var pairs = OutcomeMatch.Find([.. candidates.Select(c => c.Command)], unlinked, settings.OutcomeResolveWithin, settings.OutcomeClockSlack, offset);
        var resolved = new List<Resolution>();
        foreach (var pair in pairs)
        {
            var candidate = candidates.Single(c => c.Command.CommandId == pair.CommandId);
            var position = unlinked.Single(p => p.Ticket == pair.Ticket);
            await CompleteAsync(connection, transaction, accountId, pair.CommandId, pair.Ticket, new
            {
                reason = "the position it opened was reported",
                ticket = pair.Ticket,
                position.Symbol,
                position.Side,
                position.Volume,
                position.OpenTimeBroker,
                position.FirstSeenAt,
            });
            resolved.Add(new Resolution(pair.CommandId, CommandAttempts.WireId(pair.CommandId, candidate.Attempts), CommandStatuses.Completed, pair.Ticket));
        }

        return resolved;
    }

    /// <summary>FAILED for every OUTCOME_UNKNOWN command delivered longer ago than the bound (any account).</summary>
    public async Task<IReadOnlyList<Resolution>> FailOverdueAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DateTimeOffset now)
    {
        var within = options.Value.OutcomeResolveWithin;
        await using var overdue = new NpgsqlCommand("""
            UPDATE commands c SET status = 'FAILED', finished_at = $2
              FROM (SELECT id FROM commands WHERE status = 'OUTCOME_UNKNOWN' AND delivered_at <= $1
                     ORDER BY delivered_at LIMIT 500 FOR UPDATE SKIP LOCKED) due
             WHERE c.id = due.id
            RETURNING c.id, c.attempts
            """, connection, transaction);
        overdue.Parameters.AddValue(now - within).AddValue(now);
        var failed = await overdue.ReadAllAsync(row => new Resolution(row.GetString(0), CommandAttempts.WireId(row.GetString(0), row.GetInt32(1)),
            CommandStatuses.Failed, null));
        foreach (var command in failed)
        {
            await CommandEvents.WriteAsync(connection, transaction, CommandTransition.Of(command.CommandId, CommandStatuses.OutcomeUnknown,
                CommandStatuses.Failed, new { reason = $"no such position appeared within {within}", resolveWithin = within }));
        }

        return failed;
    }

    /// <summary>COMPLETED with the ticket, the stored position (if any and unlinked) linked back, and the step with its reason.</summary>
    public static async Task CompleteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long accountId, string commandId, long ticket, object detail)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.AddCommand("UPDATE commands SET status = 'COMPLETED', ticket = $2, finished_at = now() WHERE id = $1")
            .AddValue(commandId).AddValue(ticket);
        batch.AddCommand("UPDATE trades SET command_id = $1, updated_at = now() WHERE account_id = $2 AND ticket = $3 AND command_id IS NULL")
            .AddValue(commandId).AddValue(accountId).AddValue(ticket);
        await batch.FlushAsync();
        await CommandEvents.WriteAsync(connection, transaction, CommandTransition.Of(commandId, CommandStatuses.OutcomeUnknown, CommandStatuses.Completed, detail));
    }

    private static async Task<int?> BrokerOffsetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long accountId)
    {
        await using var command = new NpgsqlCommand("SELECT broker_offset_seconds FROM connections WHERE account_id = $1", connection, transaction);
        command.Parameters.AddValue(accountId);
        return await command.ExecuteScalarAsync() is int offset ? offset : null;
    }
}
