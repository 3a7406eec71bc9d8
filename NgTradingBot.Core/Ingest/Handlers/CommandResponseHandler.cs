using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using NgTradingBot.Core.Audit;
using NgTradingBot.Core.Commands;
using NgTradingBot.Core.Ingest.Writes;
using NgTradingBot.EaProtocol.Domain;
using NgTradingBot.EaProtocol.Requests;
using NgTradingBot.EaProtocol.Responses;
using NgTradingBot.Handoff;

namespace NgTradingBot.Core.Ingest.Handlers;

/// <summary>
/// The EA's result of one command attempt: COMPLETED, FAILED, or back to PENDING for a retry when the failure
/// executed nothing (<see cref="RetryDecision"/>), with the raw response. A late response (after TIMED_OUT or
/// OUTCOME_UNKNOWN) still settles the command; a second response for a settled command, or an earlier attempt's
/// answer, only leaves a note. An OPEN_TRADE's response carries the new position's ticket, which links the trade.
/// The command is the batch's locked row (<see cref="CommandRows"/>); what changes is written with the batch.
/// </summary>
public sealed class CommandResponseHandler(
    RedisCommandQueue queue,
    IOptions<CommandOptions> options,
    IOptions<CommandRetryOptions> retries,
    CommandMetrics metrics,
    CommandChanges changes) : IIngestHandler
{
    public string Kind => IngestKinds.CommandResponse;

    public async Task HandleAsync(IngestContext context)
    {
        var result = context.Parse(CommandResponseRequest.Parse);
        context.RequireAccount(result.Account);
        var wireId = result.CommandId.Length > 0 ? result.CommandId : throw new IngestDataException("command_response without a command id");
        var (commandId, attempt) = CommandAttempts.Parse(wireId);
        var command = await context.Writes.Commands.GetAsync(context.Connection, context.Transaction, commandId)
            ?? throw new IngestDataException($"unknown command {commandId}");
        if (command.AccountId != context.Account.Id)
        {
            throw new IngestDataException($"not owner: command {commandId} does not belong to login {context.Account.Login}");
        }

        var responseStatus = EaWireNames.CommandResults.ToWire(result.Status);
        var previous = command.Status;
        // An earlier attempt's answer, or the answer of the attempt a retry already follows: it cannot settle the command.
        var stale = attempt < command.Attempts || (attempt == command.Attempts && previous == CommandStatuses.Pending);
        if (CommandStatuses.HasOutcome(previous) || stale)
        {
            context.Writes.Commands.Transition(CommandTransition.Of(commandId, previous, previous,
                new { note = stale ? $"answer of attempt {attempt}, not the current one" : "duplicate response", attempt, responseStatus, response = result.Response },
                context.ReceivedAt));
            context.Effects = new { commandId, attempt, duplicate = true };
            return;
        }

        var retry = Retry(command, result, attempt, context.ReceivedAt);
        var toStatus = result.Status == CommandResultStatus.Completed ? CommandStatuses.Completed
            : retry?.Retry == true ? CommandStatuses.Pending
            : CommandStatuses.Failed;
        var ticket = command.Type == CommandTypes.OpenTrade && toStatus == CommandStatuses.Completed ? result.Ticket : null;
        var deliveredAt = command.DeliveredAt;
        command.Status = toStatus;
        command.Response = result.Response.GetRawText();
        command.ResponseStatus = responseStatus;
        command.FinishedAt = toStatus == CommandStatuses.Pending ? null : context.ReceivedAt;
        command.StoredNow = toStatus != CommandStatuses.Pending;
        command.StoredAt = null;
        command.DeliveredAt ??= context.ReceivedAt;
        command.Ticket = ticket ?? command.Ticket;
        command.Attempts = Math.Max(command.Attempts, attempt);
        command.RetryAt = retry?.RetryAt;
        if (retry?.Retry == true)
        {
            command.FlatJson = NextAttemptJson(command, commandId, attempt);
        }
        command.Changed = true;
        context.Writes.Commands.Transition(CommandTransition.Of(commandId, previous, toStatus,
            new
            {
                responseStatus,
                error = result.ErrorText,
                attempt,
                late = previous is CommandStatuses.TimedOut or CommandStatuses.OutcomeUnknown,
                retry = retry?.Reason,
                nextAttempt = retry?.Retry == true ? attempt + 1 : (int?)null,
                retryAt = retry?.RetryAt,
            },
            context.ReceivedAt));
        if (previous is CommandStatuses.Cancelled or CommandStatuses.Expired)
        {
            context.Writes.Commands.Audit(AuditEvent.Of(AuditLog.System,
                "command.response_after_" + previous.ToLowerInvariant(), context.Account.Id, commandId, new { previousStatus = previous, responseStatus }));
        }

        if (ticket is not null)
        {
            // The trade update may have arrived first (the EA reports the deal before it answers), or be stored by the data
            // lane's concurrent transaction: linked after the commit, when both rows are visible.
            context.Writes.PositionsToLink.Add((context.Account.Id, ticket.Value));
        }

        context.Effects = new { commandId, attempt, from = previous, to = toStatus, ticket, retryAt = retry?.RetryAt };
        var login = context.Account.Login;
        var receivedAt = context.ReceivedAt;
        var createdAt = command.CreatedAt;
        context.AfterCommit.Add(async () =>
        {
            metrics.Transitioned(toStatus);
            var stages = toStatus != CommandStatuses.Pending ? CommandLatency.Of(createdAt, deliveredAt ?? receivedAt, receivedAt, DateTimeOffset.UtcNow) : null;
            if (stages is not null)
            {
                metrics.Stages(stages);
            }
            await changes.PublishAsync(commandId, login, toStatus, stages?.EndToEndMs);
            // The answered attempt is finished either way; a retry is queued under its own id.
            await queue.RetireAsync(wireId, options.Value.RetainFinishedFor);
        });
    }

    /// <summary>Only an answer in time to a failed attempt is considered for a retry; null for a success.</summary>
    private RetryDecision? Retry(CommandRow command, CommandResponseRequest result, int attempt, DateTimeOffset answeredAt)
    {
        if (result.Status == CommandResultStatus.Completed)
        {
            return null;
        }

        if (command.Status != CommandStatuses.Delivered)
        {
            return new RetryDecision(false, $"not retried: the answer came while the command was {command.Status}", null);
        }

        return command.FlatJson is null
            ? new RetryDecision(false, "not retried: the command has no stored EA form", null)
            : RetryDecision.For(command.Type, result.Response, attempt, answeredAt, command.ExpiresAt, retries.Value, Random.Shared.NextDouble());
    }

    /// <summary>The stored EA form with the next attempt's id: the same fields, byte for byte as the writer makes them.</summary>
    private static string NextAttemptJson(CommandRow command, string commandId, int attempt)
    {
        using var stored = JsonDocument.Parse(command.FlatJson!);
        if (!FlatCommand.TryFromJson(stored.RootElement, out var flat, out var error))
        {
            throw new IngestDataException($"command {commandId} has a stored EA form that no longer reads: {error}");
        }

        var next = new FlatCommand(CommandAttempts.WireId(commandId, attempt + 1), flat.Type, flat.Fields);
        return Encoding.UTF8.GetString(CommandService.FlatJson(next));
    }
}
