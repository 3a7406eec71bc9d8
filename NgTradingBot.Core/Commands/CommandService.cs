using System.Buffers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NgTradingBot.Core.Accounts;
using NgTradingBot.Core.Persistence;
using NgTradingBot.EaProtocol.Responses;
using NgTradingBot.Handoff;
using StackExchange.Redis;

namespace NgTradingBot.Core.Commands;

/// <summary>
/// Creates and cancels commands. PostgreSQL is written first (the command exists from then on), Redis
/// second; if the enqueue fails, <see cref="CommandRelay"/> enqueues the command again, so nothing is lost.
/// </summary>
public sealed class CommandService(
    IDbContextFactory<TradingDbContext> contexts,
    RedisCommandQueue queue,
    CommandQueries queries,
    IOptions<CommandOptions> options,
    CommandMetrics metrics,
    TimeProvider clock,
    ILogger<CommandService> logger)
{
    public enum Outcome { Created, Existing, Cancelled, NotFound, AccountNotActive, Invalid, IdempotencyConflict, AlreadyDelivered, NotCancellable }

    public sealed record Result(Outcome Outcome, CommandView? Command = null, string? Message = null);

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
        long sequence;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var account = await db.Accounts.Where(a => a.Login == login).Select(a => new { a.Id, a.Enrollment }).SingleOrDefaultAsync(cancellationToken);
            if (account is null)
            {
                return new Result(Outcome.NotFound, Message: $"Account {login} is not known");
            }

            if (account.Enrollment != AccountEnrollment.Active)
            {
                return new Result(Outcome.AccountNotActive, Message: $"Account {login} is {account.Enrollment}; commands are accepted only for active accounts");
            }

            // ON CONFLICT rather than an insert that fails: a repeated Idempotency-Key waits here for the first
            // request's commit, then finds its command, and the transaction stays usable.
            var inserted = await db.Database.SqlQuery<long>($"""
                INSERT INTO commands (id, account_id, type, priority, status, payload, idempotency_key, created_by, expires_at, ticket, flat_json)
                VALUES ({id}, {account.Id}, {command.Type}, {(short)command.Priority}, 'PENDING', {payload}::jsonb, {idempotencyKey},
                        {command.CreatedBy}, now() + {command.ExpiresIn}, {command.Ticket}, {Encoding.UTF8.GetString(flatJson)})
                ON CONFLICT (account_id, idempotency_key) DO NOTHING
                RETURNING sequence AS "Value"
                """).ToListAsync(cancellationToken);
            if (inserted.Count == 0)
            {
                var existing = await db.Commands.Where(c => c.AccountId == account.Id && c.IdempotencyKey == idempotencyKey)
                    .Select(c => new { c.Id, c.Type, SamePayload = c.Payload == payload }).SingleAsync(cancellationToken);
                return existing.Type == command.Type && existing.SamePayload
                    ? new Result(Outcome.Existing, await queries.GetAsync(existing.Id, cancellationToken))
                    : new Result(Outcome.IdempotencyConflict, Message: $"Idempotency-Key {idempotencyKey} was already used for a different command ({existing.Id})");
            }

            sequence = inserted[0];
            db.CommandTransitions.Add(CommandTransition.Of(id, null, CommandStatuses.Pending,
                new { priority = CommandPriority.Name(command.Priority), createdBy = command.CreatedBy, expiresInSeconds = (int)command.ExpiresIn.TotalSeconds }));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        metrics.Created(command.Type);
        try
        {
            await queue.EnqueueAsync(new QueuedCommand(id, login, command.Priority, sequence, flatJson));
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
        string wireId;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // The row lock keeps the relay from enqueuing this command while it is being cancelled.
            var found = await db.Commands.FromSql($"SELECT * FROM commands WHERE id = {id} FOR UPDATE")
                .Join(db.Accounts, c => c.AccountId, a => a.Id, (c, a) => new { Command = c, a.Login })
                .SingleOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                return new Result(Outcome.NotFound, Message: $"Command {id} is not known");
            }

            var status = found.Command.Status;
            if (status != CommandStatuses.Pending)
            {
                return status == CommandStatuses.Cancelled
                    ? new Result(Outcome.Existing, await queries.GetAsync(id, cancellationToken))
                    : new Result(status == CommandStatuses.Delivered ? Outcome.AlreadyDelivered : Outcome.NotCancellable,
                        Message: $"Command {id} is {status}; only a PENDING command can be cancelled");
            }

            // Unknown: Redis never received it (the enqueue failed, or a retry still waits), so nothing can deliver it any more.
            wireId = CommandAttempts.WireId(id, found.Command.Attempts + 1);
            if (await queue.CancelAsync(wireId, found.Login) == CancelOutcome.AlreadyDelivered)
            {
                return new Result(Outcome.AlreadyDelivered,
                    Message: $"Command {id} was already handed to the EA, which executes commands at most once; it can no longer be cancelled");
            }

            found.Command.Status = CommandStatuses.Cancelled;
            found.Command.FinishedAt = clock.GetUtcNow();
            db.CommandTransitions.Add(CommandTransition.Of(id, CommandStatuses.Pending, CommandStatuses.Cancelled, new { reason = "cancelled through the API" }));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        metrics.Transitioned(CommandStatuses.Cancelled);
        await queue.RetireAsync(wireId, options.Value.RetainFinishedFor);
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
