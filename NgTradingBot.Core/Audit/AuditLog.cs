using Npgsql;
using NgTradingBot.Core.Ingest;

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

    private const string InsertSql = "INSERT INTO audit_events (actor, action, account_id, subject, data) VALUES ($1, $2, $3, $4, $5::jsonb)";

    // Raw Npgsql: written on the caller's connection and transaction, which the ingest path holds as raw Npgsql anyway.
    public static async Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, AuditEvent entry)
    {
        await using var command = new NpgsqlCommand(InsertSql, connection, transaction);
        Bind(command.Parameters, entry);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Adds the entry to a batch of writes made in the same transaction.</summary>
    public static void AddTo(NpgsqlBatch batch, AuditEvent entry) => Bind(batch.AddCommand(InsertSql), entry);

    private static void Bind(NpgsqlParameterCollection parameters, AuditEvent entry) =>
        parameters.AddValue(entry.Actor).AddValue(entry.Action).AddValue(entry.AccountId).AddValue(entry.Subject).AddValue(entry.Data);
}
