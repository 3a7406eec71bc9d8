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
// Raw Npgsql: once per command on the ingest batch's own transaction, bound and read by position with no mapping layer.
public sealed class CommandDeliveredHandler(IOptions<CommandOptions> options, CommandMetrics metrics, CommandChanges changes) : IIngestHandler
{
    private sealed record CommandState(long AccountId, string Status, int Attempts, DateTimeOffset CreatedAt);

    public string Kind => IngestKinds.CommandDelivered;

    public async Task HandleAsync(IngestContext context)
    {
        // Records written before the entry carried its own command field hold the id in the body.
        var wireId = context.CommandId ?? Read(context.Body, "command_id");
        var (commandId, attempt) = CommandAttempts.Parse(wireId);
        var via = Read(context.Body, "via");
        var command = await LockAsync(context, commandId) ?? throw new IngestDataException($"unknown command {commandId}");
        if (command.AccountId != context.Account.Id)
        {
            throw new IngestDataException($"command {commandId} belongs to another account than login {context.Account.Login}");
        }

        // Only the attempt the command waits for is a delivery; an earlier attempt's id was delivered and answered already.
        if (command.Status is not (CommandStatuses.Pending or CommandStatuses.Cancelled or CommandStatuses.Expired) || attempt != command.Attempts + 1)
        {
            await CommandEvents.WriteAsync(context.Connection, context.Transaction, CommandTransition.Of(commandId, command.Status, command.Status,
                new { note = "duplicate delivery", via, attempt }, context.ReceivedAt));
            context.Effects = new { commandId, attempt, duplicate = true };
            return;
        }

        var deliveredAt = context.ReceivedAt.UtcDateTime;
        await using var update = new NpgsqlCommand("""
            UPDATE commands SET status = 'DELIVERED', delivered_at = $2, delivered_via = $3,
                                response_due_at = $4, attempts = $5, retry_at = NULL, finished_at = NULL
             WHERE id = $1
            """, context.Connection, context.Transaction);
        update.Parameters.AddValue(commandId).AddValue(deliveredAt).AddValue(via).AddValue(deliveredAt + options.Value.ResponseTimeout).AddValue(attempt);
        await update.ExecuteNonQueryAsync();
        await CommandEvents.WriteAsync(context.Connection, context.Transaction, CommandTransition.Of(commandId, command.Status, CommandStatuses.Delivered,
            new { via, attempt, wireId }, context.ReceivedAt));
        if (command.Status != CommandStatuses.Pending)
        {
            await AuditLog.WriteAsync(context.Connection, context.Transaction, AuditEvent.Of(AuditLog.System,
                "command.delivered_after_" + command.Status.ToLowerInvariant(), context.Account.Id, commandId, new { previousStatus = command.Status, via, deliveredAt }));
        }

        context.Effects = new { commandId, attempt, from = command.Status, via };
        var login = context.Account.Login;
        context.AfterCommit.Add(async () =>
        {
            metrics.Transitioned(CommandStatuses.Delivered);
            metrics.Stages(CommandLatency.Of(command.CreatedAt, context.ReceivedAt, null, null));
            await changes.PublishAsync(commandId, login, CommandStatuses.Delivered);
        });
    }

    private static async Task<CommandState?> LockAsync(IngestContext context, string commandId)
    {
        await using var command = new NpgsqlCommand("SELECT account_id, status, attempts, created_at FROM commands WHERE id = $1 FOR UPDATE", context.Connection, context.Transaction);
        command.Parameters.AddValue(commandId);
        return await command.ReadFirstOrDefaultAsync(row => new CommandState(row.GetInt64(0), row.GetString(1), row.GetInt32(2), row.GetFieldValue<DateTimeOffset>(3)));
    }

    private static string Read(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text
            ? text
            : throw new IngestDataException($"command_delivered needs a non-empty string {name}");
}
