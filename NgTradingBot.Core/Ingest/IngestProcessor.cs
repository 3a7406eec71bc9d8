using Microsoft.Extensions.Options;
using NgTradingBot.Core.Persistence;
using NgTradingBot.Handoff;
using StackExchange.Redis;

namespace NgTradingBot.Core.Ingest;

/// <summary>
/// Drains the gateway's ingest streams into PostgreSQL, each lane in its own loop: an order's delivery and outcome
/// are stored as soon as they are announced (<see cref="CommandLaneSignal"/>), never behind a batch of quotes. After
/// a restart each loop first re-reads the entries this consumer read but never acknowledged (receipts make that
/// harmless), then new ones; from time to time it also takes over entries another Core instance read and then
/// abandoned. An entry is acknowledged (and deleted) only after the batch holding it committed, so the gateway's
/// 200 really means "will be stored": a crash or an unreachable PostgreSQL only delays it.
/// </summary>
public sealed class IngestProcessor(
    IngestStream stream,
    IngestBatch batch,
    IngestMetrics metrics,
    CommandLaneSignal commandLane,
    SchemaMigrator migrator,
    IOptions<IngestOptions> options,
    ILogger<IngestProcessor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await migrator.Completed.WaitAsync(stoppingToken);
        await RetryAsync("create the ingest consumer group", stream.EnsureConsumerGroupAsync, stoppingToken);
        await Task.WhenAll(DrainAsync(IngestLane.Commands, stoppingToken), DrainAsync(IngestLane.Data, stoppingToken));
    }

    private async Task DrainAsync(IngestLane lane, CancellationToken stoppingToken)
    {
        // Off the caller's thread: the two loops must not wait for each other's synchronous stretches.
        await Task.Yield();
        var settings = options.Value;
        var pendingOnly = true;
        var nextLook = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimAbandoned = false;
            if (DateTimeOffset.UtcNow >= nextLook)
            {
                if (lane == IngestLane.Data)
                {
                    await SampleLagAsync();
                }
                nextLook = DateTimeOffset.UtcNow + settings.LagSampleInterval;
                claimAbandoned = !pendingOnly;
            }

            if (lane == IngestLane.Commands)
            {
                commandLane.Reset();
            }
            var entries = await RetryAsync($"read the ingest stream's {lane} lane", () => pendingOnly
                    ? stream.ReadPendingAsync(settings.ConsumerName, settings.BatchSize, lane)
                    : claimAbandoned
                        ? stream.ClaimAbandonedAsync(settings.ConsumerName, settings.ClaimAbandonedAfter, settings.BatchSize, lane)
                        : stream.ReadNewAsync(settings.ConsumerName, settings.BatchSize, lane),
                stoppingToken);
            if (entries.Count == 0 && claimAbandoned)
            {
                continue;
            }
            if (entries.Count == 0)
            {
                if (pendingOnly)
                {
                    pendingOnly = false;
                    logger.LogInformation("Ingest caught up with the entries left unacknowledged before the last stop ({Lane} lane)", lane);
                    continue;
                }

                if (lane == IngestLane.Commands)
                {
                    await commandLane.WaitAsync(settings.CommandLaneRecheck, stoppingToken);
                }
                else
                {
                    await Task.Delay(settings.IdlePollDelay, stoppingToken);
                }
                continue;
            }

            // A batch attempt is never cancelled half way; stopping only ends the waits between attempts,
            // and whatever was not acknowledged is read again after the restart.
            await RetryAsync("store an ingest batch", () => batch.StoreAsync(entries), stoppingToken, _ => true);
            await RetryAsync("acknowledge an ingest batch", () => stream.AcknowledgeAsync(entries), stoppingToken);
        }
    }

    private async Task SampleLagAsync()
    {
        try
        {
            metrics.SampledLag(await stream.LengthAsync());
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogDebug("Sampling the ingest backlog failed: {Error}", ex.Message);
        }
    }

    private Task RetryAsync(string what, Func<Task> action, CancellationToken cancellationToken, Func<Exception, bool>? isTransient = null) =>
        RetryAsync(what, async () => { await action(); return true; }, cancellationToken, isTransient);

    /// <summary>
    /// Retries with doubling backoff while the failure is transient (by default: Redis unreachable). Storing
    /// retries every failure: message-level problems are already isolated inside the batch, so what is left
    /// is a store that is down or a defect, and neither is fixed by skipping (and losing) the batch.
    /// </summary>
    private async Task<T> RetryAsync<T>(string what, Func<Task<T>> action, CancellationToken cancellationToken, Func<Exception, bool>? isTransient = null)
    {
        isTransient ??= ex => ex is RedisException or TimeoutException;
        var delay = TimeSpan.FromMilliseconds(100);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await action();
            }
            catch (Exception ex) when (isTransient(ex))
            {
                var level = !StoreFailures.IsTransient(ex) ? LogLevel.Error : attempt == 1 ? LogLevel.Warning : LogLevel.Debug;
                logger.Log(level, level == LogLevel.Error ? ex : null, "Could not {What} (attempt {Attempt}), retrying in {Delay}: {Error}", what, attempt, delay, ex.Message);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, options.Value.MaxRetryDelay.TotalMilliseconds));
            }
        }
    }
}
