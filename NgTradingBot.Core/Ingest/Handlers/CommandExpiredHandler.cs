using System.Text.Json;
using NgTradingBot.Core.Commands;
using NgTradingBot.Handoff;

namespace NgTradingBot.Core.Ingest.Handlers;

/// <summary>
/// Written by Redis itself when a poll found a command past its deadline or its price guard and did not hand it
/// out: PENDING becomes EXPIRED with the dequeue's reason (a TTL, a price that moved too far, no quote to check it
/// against). A command settled otherwise meanwhile (cancelled, expired by the sweep) keeps its state.
/// </summary>
public sealed class CommandExpiredHandler(CommandMetrics metrics, CommandChanges changes) : IIngestHandler
{
    public string Kind => IngestKinds.CommandExpired;

    public async Task HandleAsync(IngestContext context)
    {
        var wireId = context.CommandId ?? throw new IngestDataException("command_expired names no command");
        var (commandId, attempt) = CommandAttempts.Parse(wireId);
        var reason = context.Body.ValueKind == JsonValueKind.Object && context.Body.TryGetProperty("reason", out var text) ? text.GetString() : null;
        var command = await context.Writes.Commands.GetAsync(context.Connection, context.Transaction, commandId);
        if (command is null || command.AccountId != context.Account.Id || command.Status != CommandStatuses.Pending || command.Attempts + 1 != attempt)
        {
            context.Effects = new { commandId, attempt, settledBefore = true };
            return;
        }

        command.Status = CommandStatuses.Expired;
        command.FinishedAt = context.ReceivedAt;
        command.RetryAt = null;
        command.Changed = true;
        context.Writes.Commands.Transition(CommandTransition.Of(commandId, CommandStatuses.Pending, CommandStatuses.Expired,
            new { reason, at = "delivery", attempt, wireId }, context.ReceivedAt));
        context.Effects = new { commandId, attempt, reason };
        var login = context.Account.Login;
        context.AfterCommit.Add(async () =>
        {
            metrics.Transitioned(CommandStatuses.Expired);
            await changes.PublishAsync(commandId, login, CommandStatuses.Expired);
        });
    }
}
