using Microsoft.EntityFrameworkCore;
using NgTradingBot.Core.Persistence;
using NgTradingBot.Handoff;

namespace NgTradingBot.Core.Accounts;

/// <summary>
/// Republishes every account's credential at start-up: Redis may have been wiped or restored from an
/// older file, and the gateway authenticates from Redis alone. Rows are read with FOR SHARE in chunks,
/// so a connect that rotates a key meanwhile waits and its newer credential is published after ours.
/// </summary>
public sealed class CredentialPublisher(
    IDbContextFactory<TradingDbContext> contexts,
    RedisAccountCredentials credentials,
    SchemaMigrator migrator,
    ILogger<CredentialPublisher> logger) : BackgroundService
{
    private const int ChunkSize = 1000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await migrator.Completed.WaitAsync(stoppingToken);
        var delay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var published = await PublishAllAsync(stoppingToken);
                logger.LogInformation("Published the credentials of {Count} accounts to Redis", published);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Retried whatever failed: leaving ExecuteAsync would stop all of Core, and a gateway without credentials refuses every EA.
                logger.Log(StoreFailures.IsTransient(ex) ? LogLevel.Warning : LogLevel.Error, "Publishing credentials failed, retrying in {Delay}: {Error}",
                    delay, ex.Message);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 30_000));
            }
        }
    }

    private async Task<int> PublishAllAsync(CancellationToken cancellationToken)
    {
        var published = 0;
        var afterId = 0L;
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var rows = await db.Accounts
                .FromSql($"SELECT * FROM accounts WHERE id > {afterId} ORDER BY id LIMIT {ChunkSize} FOR SHARE")
                .AsNoTracking().OrderBy(a => a.Id).ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                return published;
            }

            await Task.WhenAll(rows.Select(account => credentials.PublishAsync(account.ToCredential())));
            await transaction.CommitAsync(cancellationToken);
            published += rows.Count;
            afterId = rows[^1].Id;
        }
    }
}
