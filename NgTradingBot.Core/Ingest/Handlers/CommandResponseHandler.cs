using Microsoft.Extensions.Options;
using Npgsql;
using NgTradingBot.Core.Audit;
using NgTradingBot.Core.Commands;
using NgTradingBot.EaProtocol.Domain;
using NgTradingBot.EaProtocol.Requests;
using NgTradingBot.EaProtocol.Responses;
using NgTradingBot.Handoff;

namespace NgTradingBot.Core.Ingest.Handlers;

/// <summary>
/// The EA's result of one command: COMPLETED or FAILED with the raw response. A late response (after
/// TIMED_OUT or OUTCOME_UNKNOWN) still settles the command; a second response for a settled command only
/// leaves a note. An OPEN_TRADE's response carries the new position's ticket, which links the trade.
/// </summary>
// Raw Npgsql: once per command on the ingest batch's own transaction, bound and read by position with no mapping layer.
public sealed class CommandResponseHandler(RedisCommandQueue queue, IOptions<CommandOptions> options, CommandMetrics metrics, CommandChanges changes) : IIngestHandler
{
    private sealed record CommandState(long AccountId, string Status, string Type);

    public string Kind => IngestKinds.CommandResponse;

    public async Task HandleAsync(IngestContext context)
    {
        var result = context.Parse(CommandResponseRequest.Parse);
        context.RequireAccount(result.Account);
        var commandId = result.CommandId.Length > 0 ? result.CommandId : throw new IngestDataException("command_response without a command id");
        var command = await LockAsync(context, commandId) ?? throw new IngestDataException($"unknown command {commandId}");
        if (command.AccountId != context.Account.Id)
        {
            throw new IngestDataException($"not owner: command {commandId} does not belong to login {context.Account.Login}");
        }

        var responseStatus = EaWireNames.CommandResults.ToWire(result.Status);
        var response = result.Response.GetRawText();
        if (CommandStatuses.HasOutcome(command.Status))
        {
            await CommandEvents.WriteAsync(context.Connection, context.Transaction, CommandTransition.Of(commandId, command.Status, command.Status,
                new { note = "duplicate response", responseStatus, response = result.Response }, context.ReceivedAt));
            context.Effects = new { commandId, duplicate = true };
            return;
        }

        var toStatus = result.Status == CommandResultStatus.Completed ? CommandStatuses.Completed : CommandStatuses.Failed;
        var ticket = command.Type == CommandTypes.OpenTrade && toStatus == CommandStatuses.Completed ? result.Ticket : null;
        var at = context.ReceivedAt.UtcDateTime;
        await using var update = new NpgsqlCommand("""
            UPDATE commands SET status = $2, response = $3::jsonb, response_status = $4, finished_at = $5,
                                delivered_at = coalesce(delivered_at, $5), ticket = coalesce($6, ticket)
             WHERE id = $1
            """, context.Connection, context.Transaction);
        update.Parameters.AddValue(commandId).AddValue(toStatus).AddValue(response).AddValue(responseStatus).AddValue(at).AddValue(ticket);
        await update.ExecuteNonQueryAsync();
        await CommandEvents.WriteAsync(context.Connection, context.Transaction, CommandTransition.Of(commandId, command.Status, toStatus,
            new { responseStatus, error = result.ErrorText, late = command.Status is CommandStatuses.TimedOut or CommandStatuses.OutcomeUnknown },
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

        context.Effects = new { commandId, from = command.Status, to = toStatus, ticket };
        var login = context.Account.Login;
        context.AfterCommit.Add(async () =>
        {
            metrics.Transitioned(toStatus);
            await changes.PublishAsync(commandId, login, toStatus);
            await queue.RetireAsync(commandId, options.Value.RetainFinishedFor);
        });
    }

    private static async Task<CommandState?> LockAsync(IngestContext context, string commandId)
    {
        await using var command = new NpgsqlCommand("SELECT account_id, status, type FROM commands WHERE id = $1 FOR UPDATE", context.Connection, context.Transaction);
        command.Parameters.AddValue(commandId);
        return await command.ReadFirstOrDefaultAsync(row => new CommandState(row.GetInt64(0), row.GetString(1), row.GetString(2)));
    }
}
