using Npgsql;
using NpgsqlTypes;
using NgTradingBot.Core.Ingest;

namespace NgTradingBot.Core.Commands;

/// <summary>Every transition of a command is stored with its time, in the transaction that makes it.</summary>
public static class CommandEvents
{
    // Raw Npgsql: written on the caller's connection and transaction, by the ingest path once per command message.
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
}
