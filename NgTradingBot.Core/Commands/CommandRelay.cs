using System.Text;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using NgTradingBot.Core.Persistence;
using NgTradingBot.Handoff;
using StackExchange.Redis;

namespace NgTradingBot.Core.Commands;

/// <summary>
/// Enqueues PENDING commands again when their first enqueue was lost (Redis down between the insert and
/// the enqueue, or Core stopped in between). Harmless for a command Redis already holds: the enqueue
/// script refuses a known id, whatever its state, so a delivered command is never delivered again.
/// </summary>
public sealed class CommandRelay(
    NpgsqlDataSource dataSource,
    RedisCommandQueue queue,
    SchemaMigrator migrator,
    IOptions<CommandOptions> options,
    ILogger<CommandRelay> logger) : BackgroundService
{
    private const int BatchSize = 500;

    private sealed record PendingRow(string Id, long Login, int Priority, string FlatJson);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await migrator.Completed.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(options.Value.RelayAge);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var requeued = await RelayAsync(stoppingToken);
                if (requeued > 0)
                {
                    logger.LogWarning("Queued {Count} PENDING commands that Redis did not hold", requeued);
                }
            }
            catch (Exception ex) when (ex is NpgsqlException or RedisException or TimeoutException && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Command relay pass failed: {Error}", ex.Message);
            }
        }
    }

    private async Task<int> RelayAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Row locks: a cancel or an expiry of the same command waits, so neither races this enqueue.
        var pending = (await connection.QueryAsync<PendingRow>($"""
            SELECT c.id, a.login, c.priority::integer AS priority, c.flat_json
              FROM commands c JOIN accounts a ON a.id = c.account_id
             WHERE c.status = 'PENDING' AND c.flat_json IS NOT NULL
               AND c.created_at < now() - @age AND c.expires_at > now()
             ORDER BY c.created_at
             LIMIT {BatchSize}
               FOR UPDATE OF c SKIP LOCKED
            """, new { age = options.Value.RelayAge }, transaction)).ToList();
        var queued = await Task.WhenAll(pending.Select(row =>
            queue.EnqueueAsync(new QueuedCommand(row.Id, row.Login, row.Priority, Encoding.UTF8.GetBytes(row.FlatJson)))));
        await transaction.CommitAsync(cancellationToken);
        return queued.Count(q => q);
    }
}
