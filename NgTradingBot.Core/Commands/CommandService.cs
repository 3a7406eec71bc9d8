using System.Buffers;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using NgTradingBot.Core.Accounts;
using NgTradingBot.EaProtocol.Responses;
using NgTradingBot.Handoff;
using StackExchange.Redis;

namespace NgTradingBot.Core.Commands;

/// <summary>
/// Creates and cancels commands. PostgreSQL is written first (the command exists from then on), Redis
/// second; if the enqueue fails, <see cref="CommandRelay"/> enqueues the command again, so nothing is lost.
/// </summary>
public sealed class CommandService(
    NpgsqlDataSource dataSource,
    RedisCommandQueue queue,
    CommandQueries queries,
    IOptions<CommandOptions> options,
    CommandMetrics metrics,
    ILogger<CommandService> logger)
{
    public enum Outcome { Created, Existing, Cancelled, NotFound, AccountNotActive, Invalid, IdempotencyConflict, AlreadyDelivered, NotCancellable }

    public sealed record Result(Outcome Outcome, CommandView? Command = null, string? Message = null);

    private sealed record AccountRow(long Id, string Enrollment);

    private sealed record ExistingRow(string Id, string Type, bool SamePayload);

    private sealed record CancelRow(string Status, long Login);

    public async Task<Result> CreateAsync(long login, CreateCommandRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var command = CommandRequestValidator.Validate(request, options.Value, out var problem);
        if (command is null)
        {
            return new Result(Outcome.Invalid, Message: problem);
        }

        var id = CommandIds.New();
        var flat = command.ToFlatCommand(id);
        var flatJson = FlatJson(flat);
        var payload = command.PayloadJson();
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            var account = await connection.QuerySingleOrDefaultAsync<AccountRow>(
                "SELECT id, enrollment FROM accounts WHERE login = @login", new { login }, transaction);
            if (account is null)
            {
                return new Result(Outcome.NotFound, Message: $"Account {login} is not known");
            }

            if (account.Enrollment != AccountEnrollment.Active)
            {
                return new Result(Outcome.AccountNotActive, Message: $"Account {login} is {account.Enrollment}; commands are accepted only for active accounts");
            }

            // A repeated Idempotency-Key waits here for the first request's commit, then finds its command.
            var inserted = await connection.ExecuteScalarAsync<string?>("""
                INSERT INTO commands (id, account_id, type, priority, status, payload, idempotency_key, created_by, expires_at, ticket, flat_json)
                VALUES (@id, @accountId, @Type, @Priority, 'PENDING', @payload::jsonb, @idempotencyKey, @CreatedBy, now() + @ExpiresIn, @Ticket, @flatText)
                ON CONFLICT (account_id, idempotency_key) DO NOTHING
                RETURNING id
                """, new
            {
                id, accountId = account.Id, command.Type, Priority = (short)command.Priority, payload, idempotencyKey, command.CreatedBy,
                command.ExpiresIn, command.Ticket, flatText = System.Text.Encoding.UTF8.GetString(flatJson),
            }, transaction);
            if (inserted is null)
            {
                var existing = await connection.QuerySingleAsync<ExistingRow>("""
                    SELECT id, type, payload = @payload::jsonb AS same_payload FROM commands WHERE account_id = @accountId AND idempotency_key = @idempotencyKey
                    """, new { accountId = account.Id, idempotencyKey, payload }, transaction);
                return existing.Type == command.Type && existing.SamePayload
                    ? new Result(Outcome.Existing, await queries.GetAsync(existing.Id, cancellationToken))
                    : new Result(Outcome.IdempotencyConflict, Message: $"Idempotency-Key {idempotencyKey} was already used for a different command ({existing.Id})");
            }

            await CommandEvents.WriteAsync(connection, transaction, id, null, CommandStatus.Pending,
                new { priority = CommandPriority.Name(command.Priority), createdBy = command.CreatedBy, expiresInSeconds = (int)command.ExpiresIn.TotalSeconds });
            await transaction.CommitAsync(cancellationToken);
        }

        metrics.Created(command.Type);
        try
        {
            await queue.EnqueueAsync(new QueuedCommand(id, login, command.Priority, flatJson));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning("Command {CommandId} is stored but not yet queued ({Error}); the relay will queue it", id, ex.Message);
        }

        return new Result(Outcome.Created, await queries.GetAsync(id, cancellationToken));
    }

    /// <summary>
    /// Cancels a command that has not been delivered. Delivery is at most once and cannot be recalled: a
    /// command the gateway already handed to the EA is refused with <see cref="Outcome.AlreadyDelivered"/>.
    /// </summary>
    public async Task<Result> CancelAsync(string id, CancellationToken cancellationToken)
    {
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            // The row lock keeps the relay from enqueuing this command while it is being cancelled.
            var found = await connection.QuerySingleOrDefaultAsync<CancelRow>("""
                SELECT c.status, a.login FROM commands c JOIN accounts a ON a.id = c.account_id WHERE c.id = @id FOR UPDATE OF c
                """, new { id }, transaction);
            if (found is null)
            {
                return new Result(Outcome.NotFound, Message: $"Command {id} is not known");
            }

            if (found.Status != CommandStatus.Pending)
            {
                return found.Status == CommandStatus.Cancelled
                    ? new Result(Outcome.Existing, await queries.GetAsync(id, cancellationToken))
                    : new Result(found.Status == CommandStatus.Delivered ? Outcome.AlreadyDelivered : Outcome.NotCancellable,
                        Message: $"Command {id} is {found.Status}; only a PENDING command can be cancelled");
            }

            // Unknown: Redis never received it (the enqueue failed), so nothing can deliver it any more.
            if (await queue.CancelAsync(id, found.Login) == CancelOutcome.AlreadyDelivered)
            {
                return new Result(Outcome.AlreadyDelivered,
                    Message: $"Command {id} was already handed to the EA, which executes commands at most once; it can no longer be cancelled");
            }

            await connection.ExecuteAsync("UPDATE commands SET status = 'CANCELLED', finished_at = now() WHERE id = @id", new { id }, transaction);
            await CommandEvents.WriteAsync(connection, transaction, id, CommandStatus.Pending, CommandStatus.Cancelled, new { reason = "cancelled through the API" });
            await transaction.CommitAsync(cancellationToken);
        }

        metrics.Transitioned(CommandStatus.Cancelled);
        await queue.RetireAsync(id, options.Value.RetainFinishedFor);
        return new Result(Outcome.Cancelled, await queries.GetAsync(id, cancellationToken));
    }

    /// <summary>
    /// The flat object alone (<c>{"id":..,"type":..,...}</c>), written once by the EA-safe writer with the
    /// numbers fitted to the EA's read windows; the gateway splices these bytes into its answers.
    /// </summary>
    public static byte[] FlatJson(FlatCommand command)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        new EaJsonWriter(buffer).WriteCommand(command);
        return buffer.WrittenSpan.ToArray();
    }
}
