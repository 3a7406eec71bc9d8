using System.Text.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using NgTradingBot.Core.Audit;
using NgTradingBot.Core.Commands;
using NgTradingBot.Handoff;

namespace NgTradingBot.Core.Ingest.Handlers;

/// <summary>
/// Written by Redis itself when the gateway pops a command, so every delivery is recorded even if the
/// gateway dies right after: PENDING becomes DELIVERED and the response clock starts. Delivery is the
/// truth, so a command Core had meanwhile expired or cancelled is recorded as delivered too (and audited).
/// </summary>
// Raw Npgsql: once per delivery on the ingest batch's own transaction, one statement, read by position with no mapping layer.
public sealed class CommandDeliveredHandler(IOptions<CommandOptions> options, CommandMetrics metrics, CommandChanges changes) : IIngestHandler
{
    public string Kind => IngestKinds.CommandDelivered;

    // One round trip for the whole record: the row is locked, moved to DELIVERED when this attempt is the one it waits
    // for (else left alone), and the transition (or the duplicate's note) written, in a single statement. The delivery
    // is the truth, so a command Core had meanwhile expired or cancelled is recorded as delivered too.
    private const string RecordSql = """
        WITH old AS (SELECT account_id, status, attempts, created_at FROM commands WHERE id = $1 FOR UPDATE),
        delivered AS (
          UPDATE commands c SET status = 'DELIVERED', delivered_at = $2, delivered_via = $3, response_due_at = $4, attempts = $5,
                                retry_at = NULL, finished_at = NULL
            FROM old
           WHERE c.id = $1 AND old.account_id = $6 AND old.status IN ('PENDING', 'CANCELLED', 'EXPIRED') AND old.attempts + 1 = $5
          RETURNING c.id),
        noted AS (
          INSERT INTO command_events (command_id, at, from_status, to_status, detail)
          SELECT $1, $2, old.status, CASE WHEN EXISTS (SELECT 1 FROM delivered) THEN 'DELIVERED' ELSE old.status END,
                 CASE WHEN EXISTS (SELECT 1 FROM delivered) THEN $7::jsonb ELSE $8::jsonb END
            FROM old WHERE old.account_id = $6)
        SELECT old.account_id, old.status, old.created_at, EXISTS (SELECT 1 FROM delivered) FROM old
        """;

    private sealed record Recorded(long AccountId, string PreviousStatus, DateTimeOffset CreatedAt, bool Delivered);

    public async Task HandleAsync(IngestContext context)
    {
        // Records written before the entry carried its own command field hold the id in the body.
        var wireId = context.CommandId ?? Read(context.Body, "command_id");
        var (commandId, attempt) = CommandAttempts.Parse(wireId);
        var via = Read(context.Body, "via");
        var deliveredAt = context.ReceivedAt.UtcDateTime;
        await using var record = new NpgsqlCommand(RecordSql, context.Connection, context.Transaction);
        record.Parameters.AddValue(commandId).AddValue(deliveredAt).AddValue(via).AddValue(deliveredAt + options.Value.ResponseTimeout).AddValue(attempt)
            .AddValue(context.Account.Id)
            .AddValue(JsonSerializer.Serialize(new { via, attempt, wireId }, JsonSerializerOptions.Web))
            .AddValue(JsonSerializer.Serialize(new { note = "duplicate delivery", via, attempt }, JsonSerializerOptions.Web));
        var recorded = await record.ReadFirstOrDefaultAsync(row => new Recorded(row.GetInt64(0), row.GetString(1), row.GetFieldValue<DateTimeOffset>(2), row.GetBoolean(3)))
            ?? throw new IngestDataException($"unknown command {commandId}");
        if (recorded.AccountId != context.Account.Id)
        {
            throw new IngestDataException($"command {commandId} belongs to another account than login {context.Account.Login}");
        }

        // Only the attempt the command waits for is a delivery; an earlier attempt's id was delivered and answered already.
        if (!recorded.Delivered)
        {
            context.Effects = new { commandId, attempt, duplicate = true };
            return;
        }

        if (recorded.PreviousStatus != CommandStatuses.Pending)
        {
            await AuditLog.WriteAsync(context.Connection, context.Transaction, AuditEvent.Of(AuditLog.System,
                "command.delivered_after_" + recorded.PreviousStatus.ToLowerInvariant(), context.Account.Id, commandId,
                new { previousStatus = recorded.PreviousStatus, via, deliveredAt }));
        }

        context.Effects = new { commandId, attempt, from = recorded.PreviousStatus, via };
        var login = context.Account.Login;
        context.AfterCommit.Add(async () =>
        {
            metrics.Transitioned(CommandStatuses.Delivered);
            metrics.Stages(CommandLatency.Of(recorded.CreatedAt, context.ReceivedAt, null, null));
            await changes.PublishAsync(commandId, login, CommandStatuses.Delivered);
        });
    }

    private static string Read(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text
            ? text
            : throw new IngestDataException($"command_delivered needs a non-empty string {name}");
}
