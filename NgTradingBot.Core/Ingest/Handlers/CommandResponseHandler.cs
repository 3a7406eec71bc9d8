using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using NgTradingBot.Core.Audit;
using NgTradingBot.Core.Commands;
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
/// </summary>
// Raw Npgsql: once per command on the ingest batch's own transaction, bound and read by position with no mapping layer.
public sealed class CommandResponseHandler(
    RedisCommandQueue queue,
    IOptions<CommandOptions> options,
    IOptions<CommandRetryOptions> retries,
    CommandMetrics metrics,
    CommandChanges changes) : IIngestHandler
{
    private sealed record CommandState(long AccountId, string Status, string Type, int Attempts, DateTimeOffset ExpiresAt, string? FlatJson,
        DateTimeOffset CreatedAt, DateTimeOffset? DeliveredAt);

    public string Kind => IngestKinds.CommandResponse;

    public async Task HandleAsync(IngestContext context)
    {
        var result = context.Parse(CommandResponseRequest.Parse);
        context.RequireAccount(result.Account);
        var wireId = result.CommandId.Length > 0 ? result.CommandId : throw new IngestDataException("command_response without a command id");
        var (commandId, attempt) = CommandAttempts.Parse(wireId);
        var command = await LockAsync(context, commandId) ?? throw new IngestDataException($"unknown command {commandId}");
        if (command.AccountId != context.Account.Id)
        {
            throw new IngestDataException($"not owner: command {commandId} does not belong to login {context.Account.Login}");
        }

        var responseStatus = EaWireNames.CommandResults.ToWire(result.Status);
        var response = result.Response.GetRawText();
        // An earlier attempt's answer, or the answer of the attempt a retry already follows: it cannot settle the command.
        var stale = attempt < command.Attempts || (attempt == command.Attempts && command.Status == CommandStatuses.Pending);
        if (CommandStatuses.HasOutcome(command.Status) || stale)
        {
            await CommandEvents.WriteAsync(context.Connection, context.Transaction, CommandTransition.Of(commandId, command.Status, command.Status,
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
        var at = context.ReceivedAt.UtcDateTime;
        await using var update = new NpgsqlCommand("""
            UPDATE commands SET status = $2, response = $3::jsonb, response_status = $4, finished_at = CASE WHEN $2 = 'PENDING' THEN NULL ELSE $5 END,
                                stored_at = CASE WHEN $2 = 'PENDING' THEN NULL ELSE clock_timestamp() END,
                                delivered_at = coalesce(delivered_at, $5), ticket = coalesce($6, ticket), attempts = greatest(attempts, $7),
                                retry_at = $8, flat_json = coalesce($9, flat_json)
             WHERE id = $1
            """, context.Connection, context.Transaction);
        update.Parameters.AddValue(commandId).AddValue(toStatus).AddValue(response).AddValue(responseStatus).AddValue(at).AddValue(ticket)
            .AddValue(attempt).AddValue(retry?.RetryAt?.UtcDateTime, NpgsqlDbType.TimestampTz).AddValue(retry?.Retry == true ? NextAttemptJson(command, commandId, attempt) : null);
        await update.ExecuteNonQueryAsync();
        await CommandEvents.WriteAsync(context.Connection, context.Transaction, CommandTransition.Of(commandId, command.Status, toStatus,
            new
            {
                responseStatus,
                error = result.ErrorText,
                attempt,
                late = command.Status is CommandStatuses.TimedOut or CommandStatuses.OutcomeUnknown,
                retry = retry?.Reason,
                nextAttempt = retry?.Retry == true ? attempt + 1 : (int?)null,
                retryAt = retry?.RetryAt,
            },
            context.ReceivedAt));
        if (command.Status is CommandStatuses.Cancelled or CommandStatuses.Expired)
        {
            await AuditLog.WriteAsync(context.Connection, context.Transaction, AuditEvent.Of(AuditLog.System,
                "command.response_after_" + command.Status.ToLowerInvariant(), context.Account.Id, commandId, new { previousStatus = command.Status, responseStatus }));
        }

        if (ticket is not null)
        {
            // The trade update may have arrived first (the EA reports the deal before it answers).
            await using var link = new NpgsqlCommand(
                "UPDATE trades SET command_id = $1, updated_at = now() WHERE account_id = $2 AND ticket = $3 AND command_id IS NULL",
                context.Connection, context.Transaction);
            link.Parameters.AddValue(commandId).AddValue(context.Account.Id).AddValue(ticket.Value);
            await link.ExecuteNonQueryAsync();
        }

        context.Effects = new { commandId, attempt, from = command.Status, to = toStatus, ticket, retryAt = retry?.RetryAt };
        var login = context.Account.Login;
        var receivedAt = context.ReceivedAt;
        context.AfterCommit.Add(async () =>
        {
            metrics.Transitioned(toStatus);
            if (toStatus != CommandStatuses.Pending)
            {
                metrics.Stages(CommandLatency.Of(command.CreatedAt, command.DeliveredAt ?? receivedAt, receivedAt, DateTimeOffset.UtcNow));
            }
            await changes.PublishAsync(commandId, login, toStatus);
            // The answered attempt is finished either way; a retry is queued under its own id.
            await queue.RetireAsync(wireId, options.Value.RetainFinishedFor);
        });
    }

    /// <summary>Only an answer in time to a failed attempt is considered for a retry; null for a success.</summary>
    private RetryDecision? Retry(CommandState command, CommandResponseRequest result, int attempt, DateTimeOffset answeredAt)
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
    private static string NextAttemptJson(CommandState command, string commandId, int attempt)
    {
        using var stored = JsonDocument.Parse(command.FlatJson!);
        if (!FlatCommand.TryFromJson(stored.RootElement, out var flat, out var error))
        {
            throw new IngestDataException($"command {commandId} has a stored EA form that no longer reads: {error}");
        }

        var next = new FlatCommand(CommandAttempts.WireId(commandId, attempt + 1), flat.Type, flat.Fields);
        return Encoding.UTF8.GetString(CommandService.FlatJson(next));
    }

    private static async Task<CommandState?> LockAsync(IngestContext context, string commandId)
    {
        await using var command = new NpgsqlCommand(
            "SELECT account_id, status, type, attempts, expires_at, flat_json, created_at, delivered_at FROM commands WHERE id = $1 FOR UPDATE", context.Connection, context.Transaction);
        command.Parameters.AddValue(commandId);
        return await command.ReadFirstOrDefaultAsync(row => new CommandState(row.GetInt64(0), row.GetString(1), row.GetString(2), row.GetInt32(3),
            row.GetFieldValue<DateTimeOffset>(4), row.IsDBNull(5) ? null : row.GetString(5), row.GetFieldValue<DateTimeOffset>(6),
            row.IsDBNull(7) ? null : row.GetFieldValue<DateTimeOffset>(7)));
    }
}
