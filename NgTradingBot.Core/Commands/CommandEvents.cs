using Npgsql;
using NpgsqlTypes;
using NgTradingBot.Core.Ingest;

namespace NgTradingBot.Core.Commands;

/// <summary>Every transition of a command is stored with its time, in the transaction that makes it.</summary>
public static class CommandEvents
{
    // Raw Npgsql: written on the caller's connection and transaction (the outcome resolver, a manual resolution).
    public static async Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CommandTransition step)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO command_events (command_id, at, from_status, to_status, detail)
            VALUES ($1, coalesce($2, now()), $3, $4, $5::jsonb)
            """, connection, transaction);
        command.Parameters
            .AddValue(step.CommandId)
            .AddValue(step.At == default ? (DateTime?)null : step.At.UtcDateTime, NpgsqlDbType.TimestampTz)
            .AddValue(step.FromStatus)
            .AddValue(step.ToStatus)
            .AddValue(step.Detail);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Adds the steps, in their order, to the batch as one statement (the command lane writes a batch's at once).</summary>
    public static void AddTo(NpgsqlBatch batch, IReadOnlyList<CommandTransition> steps)
    {
        if (steps.Count == 0)
        {
            return;
        }

        batch.AddCommand("""
            INSERT INTO command_events (command_id, at, from_status, to_status, detail)
            SELECT command_id, coalesce(at, now()), from_status, to_status, detail::jsonb
              FROM unnest($1, $2, $3, $4, $5) WITH ORDINALITY AS t(command_id, at, from_status, to_status, detail, n)
             ORDER BY n
            """)
            .AddValue(steps.Select(t => t.CommandId).ToArray())
            .AddValue(steps.Select(t => t.At == default ? (DateTimeOffset?)null : t.At.ToUniversalTime()).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.TimestampTz)
            .AddValue(steps.Select(t => t.FromStatus).ToArray())
            .AddValue(steps.Select(t => t.ToStatus).ToArray())
            .AddValue(steps.Select(t => t.Detail).ToArray());
    }
}
