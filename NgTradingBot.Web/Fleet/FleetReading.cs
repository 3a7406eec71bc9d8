using NgTradingBot.Client;

namespace NgTradingBot.Web.Fleet;

/// <summary>
/// Turns Core's readings into overview rows: joins the status document's connections with the account list, and makes
/// rates from counters two readings apart. Keeps each account's trends between readings. Not thread-safe: one feed owns it.
/// </summary>
public sealed class FleetReading
{
    private readonly Dictionary<long, Trend> _heartbeats = [];
    private readonly Dictionary<long, Trend> _commands = [];
    private readonly Dictionary<long, long> _answered = [];
    private long? _ticks;
    private DateTime? _at;

    /// <summary>An order's end-to-end time, for the account's command latency trend.</summary>
    public void AddCommandLatency(long login, double milliseconds) => TrendOf(_commands, login).Add(milliseconds);

    public FleetSnapshot Next(SystemStatus status, IReadOnlyList<AccountSummary> accounts, DateTime at)
    {
        var seconds = _at is { } previous && at > previous ? (at - previous).TotalSeconds : (double?)null;
        var connections = status.Connections.Details.ToDictionary(c => c.AccountNumber);
        var rows = accounts.OrderBy(a => a.Login).Select(account =>
        {
            connections.TryGetValue(account.Login, out var connection);
            var heartbeat = TrendOf(_heartbeats, account.Login);
            if (connection?.AvgHeartbeatLatencyMs is { } heartbeatMs)
            {
                heartbeat.Add(heartbeatMs);
            }
            var command = TrendOf(_commands, account.Login);
            var requestRate = Rate(_answered.TryGetValue(account.Login, out var before) ? before : null, account.RequestsAnswered, seconds);
            _answered[account.Login] = account.RequestsAnswered;
            return new AccountRow(account.Login, account.Broker, account.Enrollment, connection?.State ?? account.ConnectionState ?? "never connected",
                connection?.HealthScore ?? account.HealthScore, connection?.IsHealthy ?? account.IsHealthy, connection?.HealthReasons ?? [],
                connection?.LastSeenAt ?? account.LastSeenAt, account.Balance, account.Equity, account.OpenPositions, requestRate,
                heartbeat.Latest, heartbeat.Values, command.Latest, command.Values);
        }).ToList();

        var ticksPerSecond = Rate(_ticks, status.Data.TotalTicksReceived, seconds);
        _ticks = status.Data.TotalTicksReceived;
        _at = at;
        var commands = status.Commands;
        var totals = new FleetTotals(status.Connections.Total, status.Connections.Healthy, status.Connections.Unhealthy, commands.ByStatus,
            commands.SuccessRate, commands.Active, ticksPerSecond, status.Ingest.Lag, status.Ingest.DeadLetters);
        return new FleetSnapshot(rows, totals, at);
    }

    /// <summary>Per second between two readings of a counter; null without an earlier reading, or when the counter restarted.</summary>
    public static double? Rate(long? before, long now, double? seconds) =>
        before is { } earlier && seconds is > 0 && now >= earlier ? Math.Round((now - earlier) / seconds.Value, 1) : null;

    private static Trend TrendOf(Dictionary<long, Trend> trends, long login) =>
        trends.TryGetValue(login, out var trend) ? trend : trends[login] = new Trend();
}
