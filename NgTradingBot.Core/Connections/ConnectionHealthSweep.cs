using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NgTradingBot.Core.Persistence;
using NgTradingBot.Handoff;

namespace NgTradingBot.Core.Connections;

/// <summary>
/// Assesses every connection each <see cref="ConnectionHealthOptions.CheckInterval"/> from what is stored (the
/// connection row) and what the gateways counted (<see cref="AccountTrafficStore"/>), and writes the verdict back:
/// state, score, reasons, <c>is_healthy</c>, and a connection event with its cause for every state change. Each write
/// is guarded by the state it was computed from (and, when silence counted, the last-seen time), so traffic stored
/// meanwhile wins, and of several Core instances assessing at once only one records a change.
/// </summary>
public sealed class ConnectionHealthSweep(
    IDbContextFactory<TradingDbContext> contexts,
    AccountTrafficStore traffic,
    ConnectionHealthMetrics metrics,
    TimeProvider time,
    IOptions<ConnectionHealthOptions> options,
    SchemaMigrator migrator,
    ILogger<ConnectionHealthSweep> logger) : RecurringSweep(migrator, logger)
{
    /// <summary>The events this check writes are <c>health.degraded</c>, <c>health.connected</c>, ...: a transition it made, with its cause.</summary>
    public const string EventPrefix = "health.";

    // The gateways' counters at this instance's previous pass: the difference is the recent error rate.
    private Dictionary<long, AccountTraffic> _previous = [];

    protected override string Name => "connection health check";

    protected override TimeSpan Interval => options.Value.CheckInterval;

    protected override async Task RunPassAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await (
                from connection in db.Connections.AsNoTracking()
                join account in db.Accounts on connection.AccountId equals account.Id
                select new { connection, account.Login })
            .ToListAsync(cancellationToken);
        var subscribed = (await db.SymbolSubscriptions.AsNoTracking().OrderBy(s => s.Position).Select(s => new { s.AccountId, s.Symbol })
                .ToListAsync(cancellationToken))
            .ToLookup(s => s.AccountId, s => s.Symbol);
        var counted = await traffic.GetAsync([.. rows.Select(r => r.Login)]);
        var now = time.GetUtcNow();
        var verdicts = new List<(long Login, HealthVerdict Verdict)>();
        foreach (var row in rows)
        {
            var c = row.connection;
            counted.TryGetValue(row.Login, out var current);
            _previous.TryGetValue(row.Login, out var before);
            var inputs = new HealthInputs(c.State, c.ConnectedAt, c.DisconnectedAt, c.LastSeenAt, current?.LastRequestAt, c.LastHeartbeatAt,
                c.BrokerTimeMovedAt, current?.ConsecutiveRefusals ?? 0, current?.LastRefusal,
                Math.Max(0, (current?.Answered ?? 0) - (before?.Answered ?? 0)), Math.Max(0, (current?.Refused ?? 0) - (before?.Refused ?? 0)),
                current?.AverageHeartbeatMilliseconds, QuoteAges(subscribed[c.AccountId], c.QuotesChangedAt));
            var verdict = HealthAssessment.Assess(inputs, now, options.Value);
            verdicts.Add((row.Login, verdict));
            if (Unchanged(c, verdict, current))
            {
                continue;
            }
            await StoreAsync(db, c, verdict, current, now, cancellationToken);
        }
        _previous = counted.ToDictionary();
        metrics.Observed(verdicts);
    }

    private static List<QuoteAge> QuoteAges(IEnumerable<string> symbols, string? changedAt)
    {
        var changes = changedAt is null ? null : JsonSerializer.Deserialize<Dictionary<string, long>>(changedAt);
        return [.. symbols.Select(symbol => new QuoteAge(symbol,
            changes is not null && changes.TryGetValue(symbol, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null))];
    }

    // The latest request time moves on every pass for every busy account; it is written with a verdict that changed,
    // or when the stored one is this old, so a steady fleet costs no write per account and pass.
    private static readonly TimeSpan LastRequestRefresh = TimeSpan.FromSeconds(30);

    private static bool Unchanged(AccountConnection c, HealthVerdict verdict, AccountTraffic? current) =>
        verdict.State == c.State && verdict.Score == c.HealthScore && verdict.IsHealthy == c.IsHealthy
        && verdict.Reasons.SequenceEqual(c.HealthReasons)
        && (int)Math.Min(int.MaxValue, current?.ConsecutiveRefusals ?? 0) == c.ConsecutiveFailures
        && (current?.LastRequestAt is not { } latest || c.LastRequestAt is { } stored && latest - stored < LastRequestRefresh);

    private static async Task StoreAsync(TradingDbContext db, AccountConnection c, HealthVerdict verdict, AccountTraffic? current,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reasons = verdict.Reasons.ToArray();
        var failures = (int)Math.Min(int.MaxValue, current?.ConsecutiveRefusals ?? 0);
        var lastRequest = current?.LastRequestAt ?? c.LastRequestAt;
        var latency = current?.AverageHeartbeatMilliseconds ?? c.HeartbeatLatencyMs;
        var disconnectedAt = verdict.State == ConnectionStates.Disconnected && c.State != ConnectionStates.Disconnected ? now : c.DisconnectedAt;
        var connectedAt = verdict.State == ConnectionStates.Connected && c.State == ConnectionStates.Disconnected ? now : c.ConnectedAt;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Guarded by what the verdict was computed from: a state changed meanwhile (by ingest or another Core instance),
        // or, for a verdict that counted silence, traffic stored meanwhile, wins; the next pass looks again.
        var silent = verdict.Silent;
        var updated = await db.Connections
            .Where(row => row.AccountId == c.AccountId && row.State == c.State && (!silent || row.LastSeenAt == c.LastSeenAt))
            .ExecuteUpdateAsync(set => set
                .SetProperty(row => row.State, verdict.State)
                .SetProperty(row => row.HealthScore, verdict.Score)
                .SetProperty(row => row.HealthReasons, reasons)
                .SetProperty(row => row.IsHealthy, verdict.IsHealthy)
                .SetProperty(row => row.ConsecutiveFailures, failures)
                .SetProperty(row => row.LastRequestAt, lastRequest)
                .SetProperty(row => row.HeartbeatLatencyMs, latency)
                .SetProperty(row => row.DisconnectedAt, disconnectedAt)
                .SetProperty(row => row.ConnectedAt, connectedAt)
                .SetProperty(row => row.HealthCheckedAt, now)
                .SetProperty(row => row.UpdatedAt, now), cancellationToken);
        if (updated == 1 && verdict.Cause is { } cause)
        {
            db.ConnectionEvents.Add(new ConnectionEvent { AccountId = c.AccountId, At = now, Event = EventPrefix + verdict.State, Detail = cause });
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
