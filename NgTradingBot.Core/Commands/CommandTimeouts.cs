using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using NgTradingBot.Core.Persistence;
using NgTradingBot.Handoff;
using StackExchange.Redis;

namespace NgTradingBot.Core.Commands;

/// <summary>
/// Brings every command to an end: a PENDING command past its expiry is withdrawn from Redis and
/// EXPIRED; a DELIVERED command without a response in time is TIMED_OUT, or OUTCOME_UNKNOWN for an
/// OPEN_TRADE (a position may exist; it is never re-sent, reconciliation resolves it).
/// </summary>
public sealed class CommandTimeouts(
    NpgsqlDataSource dataSource,
    RedisCommandQueue queue,
    SchemaMigrator migrator,
    CommandMetrics metrics,
    IOptions<CommandOptions> options,
    ILogger<CommandTimeouts> logger) : BackgroundService
{
    private const int BatchSize = 500;

    private sealed record ExpiringRow(string Id, long Login);

    private sealed record TimedOutRow(string CommandId, string ToStatus);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await migrator.Completed.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(options.Value.SweepInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await ExpireAsync(stoppingToken);
                await TimeOutAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is NpgsqlException or RedisException or TimeoutException && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Command timeout sweep failed: {Error}", ex.Message);
            }
        }
    }

    private async Task ExpireAsync(CancellationToken cancellationToken)
    {
        var expired = new List<string>();
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            var due = await connection.QueryAsync<ExpiringRow>($"""
                SELECT c.id, a.login FROM commands c JOIN accounts a ON a.id = c.account_id
                 WHERE c.status = 'PENDING' AND c.expires_at <= now()
                 ORDER BY c.expires_at LIMIT {BatchSize}
                   FOR UPDATE OF c SKIP LOCKED
                """, transaction: transaction);
            foreach (var row in due)
            {
                // Already delivered: it stays PENDING until its command_delivered entry makes it DELIVERED.
                if (await queue.CancelAsync(row.Id, row.Login) != CancelOutcome.AlreadyDelivered)
                {
                    expired.Add(row.Id);
                }
            }

            if (expired.Count == 0)
            {
                return;
            }

            await connection.ExecuteAsync("""
                WITH expired AS (
                    UPDATE commands SET status = 'EXPIRED', finished_at = now() WHERE id = ANY(@expired) RETURNING id, expires_at)
                INSERT INTO command_events (command_id, from_status, to_status, detail)
                SELECT id, 'PENDING', 'EXPIRED', jsonb_build_object('reason', 'not delivered before expires_at', 'expiresAt', expires_at)
                  FROM expired
                """, new { expired = expired.ToArray() }, transaction);
            await transaction.CommitAsync(cancellationToken);
        }

        metrics.Transitioned(CommandStatus.Expired, expired.Count);
        logger.LogInformation("Expired {Count} commands that were not delivered in time", expired.Count);
        await Task.WhenAll(expired.Select(id => queue.RetireAsync(id, options.Value.RetainFinishedFor)));
    }

    private async Task TimeOutAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<TimedOutRow>($"""
            WITH due AS (
                SELECT id FROM commands WHERE status = 'DELIVERED' AND response_due_at <= now()
                 ORDER BY response_due_at LIMIT {BatchSize} FOR UPDATE SKIP LOCKED),
            timed_out AS (
                UPDATE commands c
                   SET status = CASE WHEN c.type = 'OPEN_TRADE' THEN 'OUTCOME_UNKNOWN' ELSE 'TIMED_OUT' END,
                       finished_at = CASE WHEN c.type = 'OPEN_TRADE' THEN NULL ELSE now() END
                  FROM due WHERE c.id = due.id
                RETURNING c.id, c.status, c.response_due_at)
            INSERT INTO command_events (command_id, from_status, to_status, detail)
            SELECT id, 'DELIVERED', status, jsonb_build_object('reason', 'no response by response_due_at', 'responseDueAt', response_due_at)
              FROM timed_out
            RETURNING command_id, to_status
            """)).ToList();
        foreach (var group in rows.GroupBy(r => r.ToStatus))
        {
            metrics.Transitioned(group.Key, group.Count());
            logger.LogWarning("{Count} delivered commands got no response in time and are now {Status}", group.Count(), group.Key);
        }

        // Redis keeps them a while longer, so a late response is still attributed to its account.
        await Task.WhenAll(rows.Select(r => queue.RetireAsync(r.CommandId, options.Value.RetainFinishedFor)));
    }
}
