using Microsoft.Extensions.Options;
using Npgsql;
using NgTradingBot.Core.Audit;
using NgTradingBot.Core.Ingest;
using NgTradingBot.Handoff;
using StackExchange.Redis;

namespace NgTradingBot.Core.Commands;

/// <summary>
/// An operator settles an OUTCOME_UNKNOWN command by hand (having looked at the terminal, say): COMPLETED, with the
/// position's ticket when there is one, or FAILED; the step carries the operator's reason and is audited.
/// </summary>
// Raw Npgsql: the completion is the resolver's own statement batch, on this connection's transaction.
public sealed class ManualResolution(
    NpgsqlDataSource dataSource,
    RedisCommandQueue queue,
    CommandQueries queries,
    CommandMetrics metrics,
    CommandChanges changes,
    IOptions<CommandOptions> options,
    ILogger<ManualResolution> logger)
{
    public enum Outcome { Resolved, Invalid, NotFound, Conflict }

    public sealed record Result(Outcome Outcome, CommandView? Command = null, string? Message = null);

    private sealed record Locked(long AccountId, string Status, int Attempts);

    public async Task<Result> ResolveAsync(string id, ResolveCommandRequest request, CancellationToken cancellationToken)
    {
        if (request.Problem(out var status) is { } problem)
        {
            return new Result(Outcome.Invalid, Message: problem);
        }

        int attempts;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            var command = await LockAsync(connection, transaction, id);
            if (command is null)
            {
                return new Result(Outcome.NotFound, Message: $"Command {id} is not known");
            }

            if (command.Status != CommandStatuses.OutcomeUnknown)
            {
                return new Result(Outcome.Conflict, Message: $"Command {id} is {command.Status}; only an {CommandStatuses.OutcomeUnknown} command can be resolved");
            }

            if (request.Ticket is { } ticket && await OwnerOfAsync(connection, transaction, command.AccountId, ticket, id) is { } owner)
            {
                return new Result(Outcome.Conflict, Message: $"Position {ticket} is already the outcome of command {owner}");
            }

            var detail = new { reason = request.Reason, resolvedBy = AuditLog.Operator, ticket = request.Ticket };
            if (status == CommandStatuses.Completed && request.Ticket is { } opened)
            {
                await OutcomeResolver.CompleteAsync(connection, transaction, command.AccountId, id, opened, detail);
            }
            else
            {
                await using var update = new NpgsqlCommand("UPDATE commands SET status = $2, finished_at = now() WHERE id = $1", connection, transaction);
                update.Parameters.AddValue(id).AddValue(status);
                await update.ExecuteNonQueryAsync(cancellationToken);
                await CommandEvents.WriteAsync(connection, transaction, CommandTransition.Of(id, CommandStatuses.OutcomeUnknown, status, detail));
            }

            await AuditLog.WriteAsync(connection, transaction, AuditEvent.Of(AuditLog.Operator, "command.resolved", command.AccountId, id,
                new { from = CommandStatuses.OutcomeUnknown, to = status, ticket = request.Ticket, reason = request.Reason }));
            await transaction.CommitAsync(cancellationToken);
            attempts = command.Attempts;
        }

        metrics.Transitioned(status);
        await changes.PublishAsync([(id, status)]);
        logger.LogInformation("Command {CommandId} resolved by hand as {Status}: {Reason}", id, status, request.Reason);
        try
        {
            await queue.RetireAsync(CommandAttempts.WireId(id, attempts), options.Value.RetainFinishedFor);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Without an expiry Redis keeps the finished command's hash; a late answer is still attributed.
            logger.LogWarning("Command {CommandId} was resolved but Redis did not retire it: {Error}", id, ex.Message);
        }

        return new Result(Outcome.Resolved, await queries.GetAsync(id, cancellationToken));
    }

    private static async Task<Locked?> LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string id)
    {
        await using var command = new NpgsqlCommand("SELECT account_id, status, attempts FROM commands WHERE id = $1 FOR UPDATE", connection, transaction);
        command.Parameters.AddValue(id);
        return await command.ReadFirstOrDefaultAsync(row => new Locked(row.GetInt64(0), row.GetString(1), row.GetInt32(2)));
    }

    /// <summary>The other OPEN_TRADE command a ticket already belongs to, if any.</summary>
    private static async Task<string?> OwnerOfAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long accountId, long ticket, string id)
    {
        await using var command = new NpgsqlCommand("""
            SELECT coalesce((SELECT command_id FROM trades WHERE account_id = $1 AND ticket = $2 AND command_id <> $3),
                            (SELECT id FROM commands WHERE account_id = $1 AND ticket = $2 AND type = 'OPEN_TRADE' AND id <> $3 LIMIT 1))
            """, connection, transaction);
        command.Parameters.AddValue(accountId).AddValue(ticket).AddValue(id);
        return await command.ExecuteScalarAsync() as string;
    }
}
