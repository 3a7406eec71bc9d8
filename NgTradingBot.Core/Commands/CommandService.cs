using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NgTradingBot.Core.Accounts;
using NgTradingBot.Core.Ingest;
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
    NpgsqlDataSource database,
    RedisCommandQueue queue,
    CommandQueries queries,
    IOptions<CommandOptions> options,
    CommandMetrics metrics,
    CommandChanges changes,
    TimeProvider clock,
    ILogger<CommandService> logger)
{
    public enum Outcome { Created, Existing, Cancelled, NotFound, AccountNotActive, Invalid, IdempotencyConflict, AlreadyDelivered, NotCancellable }

    public sealed record Result(Outcome Outcome, CommandView? Command = null, string? Message = null);

    /// <param name="caller">Who asks (the operator, or a strategy key's id), kept in the command's first transition.</param>
    public async Task<Result> CreateAsync(long login, CreateCommandRequest request, string? idempotencyKey, string caller, CancellationToken cancellationToken)
    {
        var command = CommandRequestValidator.Validate(request, options.Value, clock.GetUtcNow(), out var problem);
        if (command is null)
        {
            return new Result(Outcome.Invalid, Message: problem);
        }

        var prepared = PreparedCommand.Of(command, idempotencyKey, caller);
        // One statement, atomic on its own: an order burst pays one round trip per order.
        await using var insert = database.CreateCommand();
        var inserted = await CommandInserts.InsertAsync(insert, login, [prepared], cancellationToken);
        if (inserted.Refusal(login) is { } refusal)
        {
            return refusal;
        }

        if (!inserted.Stored.TryGetValue(prepared.Id, out var row))
        {
            await using var read = database.CreateCommand();
            var repeats = await CommandInserts.RepeatsAsync(read, inserted.AccountId!.Value, [prepared], cancellationToken);
            return repeats.Conflict is { } conflict
                ? new Result(Outcome.IdempotencyConflict, Message: conflict)
                : new Result(Outcome.Existing, await queries.GetAsync(repeats.Ids[idempotencyKey!], cancellationToken));
        }

        await QueueAsync(prepared, login, row.ExpiresAt, row.Sequence);
        return new Result(Outcome.Created, prepared.View(login, row.CreatedAt, row.ExpiresAt));
    }

    public static Result NotActive(long login, string enrollment) =>
        new(Outcome.AccountNotActive, Message: $"Account {login} is {enrollment}; commands are accepted only for active accounts");

    public static string IdempotencyConflict(string idempotencyKey, string existingId) =>
        $"Idempotency-Key {idempotencyKey} was already used for a different command ({existingId})";

    /// <summary>
    /// After a command's insert committed: counts and announces it and puts it in its account's Redis queue. A failed
    /// enqueue is left to <see cref="CommandRelay"/>: the command is stored, so it is not lost.
    /// </summary>
    public async Task QueueAsync(PreparedCommand prepared, long login, DateTime expiresAt, long sequence)
    {
        var command = prepared.Command;
        metrics.Created(command.Type);
        await changes.PublishAsync(prepared.Id, login, CommandStatuses.Pending);
        try
        {
            var limits = OrderProtection.LimitsFor(prepared.Payload, command.Protection, expiresAt, options.Value.PriceGuardQuoteAge);
            await queue.EnqueueAsync(new QueuedCommand(prepared.Id, login, command.Priority, sequence, prepared.FlatJson, limits));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning("Command {CommandId} is stored but not yet queued ({Error}); the relay will queue it", prepared.Id, ex.Message);
        }
    }

    /// <summary>
    /// Cancels a command that has not been delivered. Delivery is at most once and cannot be recalled: a
    /// command the gateway already handed to the EA is refused with <see cref="Outcome.AlreadyDelivered"/>.
    /// </summary>
    public async Task<Result> CancelAsync(string id, string caller, CancellationToken cancellationToken)
    {
        long login;
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

            login = found.Login;
            var status = found.Command.Status;
            if (status != CommandStatuses.Pending)
            {
                return status == CommandStatuses.Cancelled ? new Result(Outcome.Existing, await queries.GetAsync(id, cancellationToken))
                    : status == CommandStatuses.Delivered ? AlreadyDelivered(id)
                    : new Result(Outcome.NotCancellable, Message: $"Command {id} is {status}; only a PENDING command can be cancelled");
            }

            // Unknown: Redis never received it (the enqueue failed, or a retry still waits), so nothing can deliver it any more.
            wireId = CommandAttempts.WireId(id, found.Command.Attempts + 1);
            if (await queue.CancelAsync(wireId, found.Login) == CancelOutcome.AlreadyDelivered)
            {
                return AlreadyDelivered(id);
            }

            found.Command.Status = CommandStatuses.Cancelled;
            found.Command.FinishedAt = clock.GetUtcNow();
            db.CommandTransitions.Add(CommandTransition.Of(id, CommandStatuses.Pending, CommandStatuses.Cancelled, new { reason = "cancelled through the API", key = caller }));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        metrics.Transitioned(CommandStatuses.Cancelled);
        await changes.PublishAsync(id, login, CommandStatuses.Cancelled);
        await queue.RetireAsync(wireId, options.Value.RetainFinishedFor);
        return new Result(Outcome.Cancelled, await queries.GetAsync(id, cancellationToken));
    }

    // The same answer whether Core has stored the delivery yet or only Redis knows of it.
    private static Result AlreadyDelivered(string id) => new(Outcome.AlreadyDelivered,
        Message: $"Command {id} was already handed to the EA, which executes commands at most once; it can no longer be cancelled");

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
