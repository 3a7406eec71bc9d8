using System.Text.Json;
using Dapper;
using Npgsql;

namespace NgTradingBot.Core.Commands;

/// <summary>Every transition of a command is stored with its time, in the transaction that makes it.</summary>
public static class CommandEvents
{
    public static Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string commandId,
        string? fromStatus, string toStatus, object? detail = null, DateTimeOffset? at = null) =>
        connection.ExecuteAsync("""
            INSERT INTO command_events (command_id, at, from_status, to_status, detail)
            VALUES (@commandId, coalesce(@at, now()), @fromStatus, @toStatus, @detail::jsonb)
            """,
            new
            {
                commandId,
                at = at?.UtcDateTime,
                fromStatus,
                toStatus,
                detail = detail is null ? null : JsonSerializer.Serialize(detail, JsonSerializerOptions.Web),
            },
            transaction);
}
