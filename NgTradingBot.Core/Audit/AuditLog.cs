using System.Text.Json;
using Dapper;
using Npgsql;

namespace NgTradingBot.Core.Audit;

/// <summary>
/// The audit trail: who (the EA, an operator, Core itself) did what to which account, written in the
/// same transaction as the change it describes so the trail never disagrees with the data.
/// </summary>
public static class AuditLog
{
    public const string Ea = "ea";
    public const string Operator = "operator";
    public const string System = "core";

    public static Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string actor, string action,
        long? accountId, string? subject = null, object? data = null) =>
        connection.ExecuteAsync("""
            INSERT INTO audit_events (actor, action, account_id, subject, data)
            VALUES (@actor, @action, @accountId, @subject, @data::jsonb)
            """,
            new { actor, action, accountId, subject, data = data is null ? null : JsonSerializer.Serialize(data, JsonSerializerOptions.Web) },
            transaction);
}
