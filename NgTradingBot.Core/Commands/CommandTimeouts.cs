using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NgTradingBot.Core.Ingest;
using NgTradingBot.Core.Persistence;
using NgTradingBot.EaProtocol.Responses;
using NgTradingBot.Handoff;
using StackExchange.Redis;

namespace NgTradingBot.Core.Commands;

/// <summary>
/// Brings every command to an end: a PENDING command past its expiry is withdrawn from Redis and EXPIRED; a
/// DELIVERED command without a response in time is TIMED_OUT, or OUTCOME_UNKNOWN for an OPEN_TRADE (a position may
/// exist; it is never re-sent), which <see cref="OutcomeResolver"/> then settles from the stored positions or, past
/// its bound, as FAILED. The three steps are independent: expiry has to ask Redis whether the command was delivered,
/// the other two only change PostgreSQL (Redis merely retires the finished ids afterwards), so an outage of Redis
/// stops expiry alone.
/// </summary>
public sealed class CommandTimeouts(
    IDbContextFactory<TradingDbContext> contexts,
    NpgsqlDataSource dataSource,
    RedisCommandQueue queue,
    OutcomeResolver resolver,
    SchemaMigrator migrator,
    CommandMetrics metrics,
    CommandChanges changes,
    IOptions<CommandOptions> options,
    TimeProvider clock,
    ILogger<CommandTimeouts> logger) : RecurringSweep(migrator, logger)
{
    private const int BatchSize = 500;

    protected override string Name => "command timeout sweep";

    protected override TimeSpan Interval => options.Value.SweepInterval;

    protected override async Task RunPassAsync(CancellationToken cancellationToken)
    {
        await StepAsync("expiry", ExpireAsync, cancellationToken);
        await StepAsync("response timeouts", TimeOutAsync, cancellationToken);
        await StepAsync("unknown outcomes", ResolveOutcomesAsync, cancellationToken);
    }

    private async Task ExpireAsync(CancellationToken cancellationToken)
    {
        var expired = new List<string>();
        var expiredIds = new List<string>();
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var due = await db.Commands.FromSql($"""
                    SELECT * FROM commands WHERE status = 'PENDING' AND expires_at <= now()
                     ORDER BY expires_at LIMIT {BatchSize}
                       FOR UPDATE SKIP LOCKED
                    """)
                .Join(db.Accounts, c => c.AccountId, a => a.Id, (c, a) => new { Command = c, a.Login })
                .ToListAsync(cancellationToken);
            var now = clock.GetUtcNow();
            foreach (var row in due)
            {
                // Already delivered, or expired by the dequeue itself: it stays PENDING until its command lane record
                // (command_delivered, command_expired with the dequeue's reason) settles it.
                var wireId = CommandAttempts.WireId(row.Command.Id, row.Command.Attempts + 1);
                if (await queue.CancelAsync(wireId, row.Login) is CancelOutcome.AlreadyDelivered or CancelOutcome.ExpiredAtDelivery)
                {
                    continue;
                }

                row.Command.Status = CommandStatuses.Expired;
                row.Command.FinishedAt = now;
                db.CommandTransitions.Add(CommandTransition.Of(row.Command.Id, CommandStatuses.Pending, CommandStatuses.Expired,
                    new
                    {
                        reason = OrderProtection.ExpiryReason(OrderProtection.FromJson(row.Command.Protection), row.Command.ExpiresAt),
                        expiresAt = row.Command.ExpiresAt, attempt = row.Command.Attempts + 1,
                    }));
                expired.Add(wireId);
                expiredIds.Add(row.Command.Id);
            }

            if (expired.Count == 0)
            {
                return;
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        metrics.Transitioned(CommandStatuses.Expired, expired.Count);
        await changes.PublishAsync([.. expiredIds.Select(id => (id, CommandStatuses.Expired))]);
        logger.LogInformation("Expired {Count} commands that were not delivered in time", expired.Count);
        await RetireAsync(expired);
    }

    private async Task TimeOutAsync(CancellationToken cancellationToken)
    {
        List<EaCommand> timedOut;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            timedOut = await db.Commands.FromSql($"""
                    SELECT * FROM commands WHERE status = 'DELIVERED' AND response_due_at <= now()
                     ORDER BY response_due_at LIMIT {BatchSize} FOR UPDATE SKIP LOCKED
                    """).ToListAsync(cancellationToken);
            if (timedOut.Count == 0)
            {
                return;
            }

            var now = clock.GetUtcNow();
            foreach (var command in timedOut)
            {
                // An OPEN_TRADE may have opened a position: it stays unfinished until reconciliation resolves it.
                var openTrade = command.Type == CommandTypes.OpenTrade;
                command.Status = openTrade ? CommandStatuses.OutcomeUnknown : CommandStatuses.TimedOut;
                command.FinishedAt = openTrade ? null : now;
                db.CommandTransitions.Add(CommandTransition.Of(command.Id, CommandStatuses.Delivered, command.Status,
                    new { reason = "no response by response_due_at", responseDueAt = command.ResponseDueAt }));
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        foreach (var group in timedOut.GroupBy(c => c.Status))
        {
            metrics.Transitioned(group.Key, group.Count());
            logger.LogWarning("{Count} delivered commands got no response in time and are now {Status}", group.Count(), group.Key);
        }

        await changes.PublishAsync([.. timedOut.Select(c => (c.Id, c.Status))]);
        // Redis keeps them a while longer, so a late response is still attributed to its account.
        await RetireAsync([.. timedOut.Select(c => CommandAttempts.WireId(c.Id, c.Attempts))]);
    }

    /// <summary>Settles OUTCOME_UNKNOWN commands from the positions stored meanwhile, and fails those past the bound.</summary>
    private async Task ResolveOutcomesAsync(CancellationToken cancellationToken)
    {
        var resolved = new List<OutcomeResolver.Resolution>();
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await using var accounts = new NpgsqlCommand(
                "SELECT DISTINCT account_id FROM commands WHERE status = 'OUTCOME_UNKNOWN'", connection, transaction);
            foreach (var accountId in await accounts.ReadAllAsync(row => row.GetInt64(0)))
            {
                resolved.AddRange(await resolver.MatchAsync(connection, transaction, accountId));
            }

            resolved.AddRange(await resolver.FailOverdueAsync(connection, transaction, clock.GetUtcNow()));
            await transaction.CommitAsync(cancellationToken);
        }

        foreach (var group in resolved.GroupBy(r => r.Status))
        {
            logger.LogWarning("{Count} commands of unknown outcome are now {Status}", group.Count(), group.Key);
        }

        await OutcomeSettled.RetireAsync(resolved, queue, options.Value, metrics, changes, logger);
    }

    /// <summary>After the commit: PostgreSQL holds the outcome, so Redis being down only delays each hash's expiry.</summary>
    private async Task RetireAsync(IReadOnlyList<string> wireIds)
    {
        try
        {
            await Task.WhenAll(wireIds.Select(id => queue.RetireAsync(id, options.Value.RetainFinishedFor)));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning("{Count} finished commands were not retired in Redis: {Error}", wireIds.Count, ex.Message);
        }
    }
}
