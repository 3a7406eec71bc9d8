using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NgTradingBot.Core.Persistence;
using NgTradingBot.Handoff;

namespace NgTradingBot.Core.Commands;

/// <summary>
/// Enqueues PENDING commands Redis does not hold: a first enqueue that was lost (Redis down between the insert and
/// the enqueue, or Core stopped in between), and a retry whose <c>retry_at</c> has come (its attempt's id is new to
/// Redis). Harmless for a command Redis already holds: the enqueue script refuses a known id, whatever its state, so
/// a delivered attempt is never delivered again. Each keeps its creation sequence, so its FIFO place.
/// </summary>
public sealed class CommandRelay(
    IDbContextFactory<TradingDbContext> contexts,
    RedisCommandQueue queue,
    SchemaMigrator migrator,
    IOptions<CommandOptions> options,
    ILogger<CommandRelay> logger) : RecurringSweep(migrator, logger)
{
    private const int BatchSize = 500;

    protected override string Name => "command relay pass";

    protected override TimeSpan Interval => options.Value.RelayAge;

    protected override async Task RunPassAsync(CancellationToken cancellationToken)
    {
        var requeued = await RelayAsync(cancellationToken);
        if (requeued > 0)
        {
            logger.LogWarning("Queued {Count} PENDING commands that Redis did not hold", requeued);
        }
    }

    private async Task<int> RelayAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Row locks: a cancel or an expiry of the same command waits, so neither races this enqueue.
        var pending = await db.Commands.FromSql($"""
                SELECT * FROM commands
                 WHERE status = 'PENDING' AND flat_json IS NOT NULL AND created_at < now() - {options.Value.RelayAge} AND expires_at > now()
                   AND (retry_at IS NULL OR retry_at <= now())
                 ORDER BY sequence
                 LIMIT {BatchSize}
                   FOR UPDATE SKIP LOCKED
                """)
            .Join(db.Accounts, c => c.AccountId, a => a.Id, (c, a) => new { c.Id, a.Login, c.Priority, c.Sequence, c.Attempts, c.FlatJson, c.Payload, c.Protection, c.ExpiresAt })
            .OrderBy(row => row.Sequence)
            .ToListAsync(cancellationToken);
        var queued = await Task.WhenAll(pending.Select(row => queue.EnqueueAsync(new QueuedCommand(
            CommandAttempts.WireId(row.Id, row.Attempts + 1), row.Login, row.Priority, row.Sequence, Encoding.UTF8.GetBytes(row.FlatJson!),
            OrderProtection.LimitsFor(row.Payload, OrderProtection.FromJson(row.Protection), row.ExpiresAt, options.Value.PriceGuardQuoteAge)))));
        await transaction.CommitAsync(cancellationToken);
        return queued.Count(q => q);
    }
}
