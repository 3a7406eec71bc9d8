using System.Text.Json;
using Microsoft.Extensions.Options;
using NgTradingBot.Core.Audit;
using NgTradingBot.Core.Commands;
using NgTradingBot.Handoff;

namespace NgTradingBot.Core.Ingest.Handlers;

/// <summary>
/// Written by Redis itself when the gateway pops a command, so every delivery is recorded even if the
/// gateway dies right after: PENDING becomes DELIVERED and the response clock starts. Delivery is the
/// truth, so a command Core had meanwhile expired or cancelled is recorded as delivered too (and audited).
/// Only the attempt the command waits for is a delivery; any other is a duplicate, noted in the history.
/// </summary>
public sealed class CommandDeliveredHandler(IOptions<CommandOptions> options, CommandMetrics metrics, CommandChanges changes) : IIngestHandler
{
    public string Kind => IngestKinds.CommandDelivered;

    public async Task HandleAsync(IngestContext context)
    {
        var wireId = CommandLaneIds.WireIdOf(context);
        var (commandId, attempt) = CommandAttempts.Parse(wireId);
        var via = Read(context.Body, "via");
        var command = await context.Writes.Commands.GetAsync(context.Connection, context.Transaction, commandId)
            ?? throw new IngestDataException($"unknown command {commandId}");
        if (command.AccountId != context.Account.Id)
        {
            throw new IngestDataException($"command {commandId} belongs to another account than login {context.Account.Login}");
        }

        var previous = command.Status;
        var delivered = (previous is CommandStatuses.Pending or CommandStatuses.Cancelled or CommandStatuses.Expired) && command.Attempts + 1 == attempt;
        if (!delivered)
        {
            context.Writes.Commands.Transition(CommandTransition.Of(commandId, previous, previous, new { note = "duplicate delivery", via, attempt }, context.ReceivedAt));
            context.Effects = new { commandId, attempt, duplicate = true };
            return;
        }

        command.Status = CommandStatuses.Delivered;
        command.DeliveredAt = context.ReceivedAt;
        command.DeliveredVia = via;
        command.ResponseDueAt = context.ReceivedAt + options.Value.ResponseTimeout;
        command.Attempts = attempt;
        command.RetryAt = null;
        command.FinishedAt = null;
        command.Changed = true;
        context.Writes.Commands.Transition(CommandTransition.Of(commandId, previous, CommandStatuses.Delivered, new { via, attempt, wireId }, context.ReceivedAt));
        if (previous != CommandStatuses.Pending)
        {
            context.Writes.Commands.Audit(AuditEvent.Of(AuditLog.System, "command.delivered_after_" + previous.ToLowerInvariant(), context.Account.Id, commandId,
                new { previousStatus = previous, via, deliveredAt = context.ReceivedAt.UtcDateTime }));
        }

        context.Effects = new { commandId, attempt, from = previous, via };
        var login = context.Account.Login;
        var createdAt = command.CreatedAt;
        var deliveredAt = context.ReceivedAt;
        context.AfterCommit.Add(async () =>
        {
            metrics.Transitioned(CommandStatuses.Delivered);
            metrics.Stages(CommandLatency.Of(createdAt, deliveredAt, null, null));
            await changes.PublishAsync(commandId, login, CommandStatuses.Delivered);
        });
    }

    private static string Read(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text
            ? text
            : throw new IngestDataException($"command_delivered needs a non-empty string {name}");
}
