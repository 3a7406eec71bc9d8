using Microsoft.EntityFrameworkCore;
using NgTradingBot.Core.Commands;
using NgTradingBot.Core.Connections;
using NgTradingBot.Core.Persistence;
using NgTradingBot.Handoff;

namespace NgTradingBot.Core.Status;

/// <summary>Builds <see cref="SystemStatus"/> from the stores, so it survives restarts and every instance answers the same.</summary>
public sealed class SystemStatusQuery(IDbContextFactory<TradingDbContext> contexts, IngestStream ingest, ConnectionUptime uptime, TimeProvider time)
{
    private static readonly string[] Unsuccessful = [CommandStatuses.Failed, CommandStatuses.TimedOut, CommandStatuses.Expired];

    public async Task<SystemStatus> GetAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var connections = await (
                from c in db.Connections.AsNoTracking()
                join a in db.Accounts on c.AccountId equals a.Id
                orderby a.Login
                select new ConnectionStatus(a.Id, a.Login, a.Broker, c.State, c.HealthScore ?? 0, c.IsHealthy, c.HeartbeatCount, c.HeartbeatLatencyMs,
                    c.HealthReasons, c.ConsecutiveFailures, c.LastSeenAt == null ? null : c.LastSeenAt.Value.UtcDateTime,
                    c.LastHeartbeatAt == null ? null : c.LastHeartbeatAt.Value.UtcDateTime, c.ConnectedAt == null ? null : c.ConnectedAt.Value.UtcDateTime,
                    Array.Empty<UptimeWindow>()))
            .ToListAsync(cancellationToken);
        var uptimes = await uptime.GetAsync([.. connections.Select(c => c.AccountId)], cancellationToken);
        var details = connections.Select(c => c with { Uptime = uptimes[c.AccountId] }).ToList();
        var totals = await db.Connections.GroupBy(_ => 1).Select(g => new
        {
            Ticks = g.Sum(c => c.TicksReceived),
            Heartbeats = g.Sum(c => c.HeartbeatCount),
            TickBatches = g.Sum(c => c.TickBatchCount),
        }).SingleOrDefaultAsync(cancellationToken);
        var byStatus = await db.Commands.GroupBy(c => c.Status).Select(g => new { Status = g.Key, Count = g.LongCount() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);
        var deadLetters = await db.IngestFailures.LongCountAsync(cancellationToken);
        var lag = await ingest.LengthAsync();

        long Count(IEnumerable<string> statuses) => statuses.Sum(s => byStatus.GetValueOrDefault(s));
        var completed = byStatus.GetValueOrDefault(CommandStatuses.Completed);
        var failed = Count(Unsuccessful);
        var processed = completed + failed + byStatus.GetValueOrDefault(CommandStatuses.Cancelled);
        var healthy = details.LongCount(d => d.IsHealthy);
        return new SystemStatus(
            new ConnectionsStatus(details.Count, healthy, details.Count - healthy, details),
            new CommandsStatus(processed, failed, processed == 0 ? 100 : Math.Round(100m * completed / processed, 2), Count(CommandStatuses.Open), byStatus),
            new DataStatus(totals?.Ticks ?? 0, totals?.Heartbeats ?? 0, totals?.TickBatches ?? 0),
            new IngestBacklog(lag, deadLetters),
            time.GetUtcNow().UtcDateTime);
    }
}
