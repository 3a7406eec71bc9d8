namespace NgTradingBot.Web.Fleet;

/// <summary>Every account and the system's totals at one moment, as all circuits show them.</summary>
/// <param name="Problem">Why the latest reading failed (Core unreachable, say); the figures are then the last good ones.</param>
public sealed record FleetSnapshot(IReadOnlyList<AccountRow> Accounts, FleetTotals Totals, DateTime At, string? Problem = null)
{
    public static readonly FleetSnapshot Empty = new([], FleetTotals.None, DateTime.MinValue);
}

/// <summary>One account's line on the overview; the trends are the last readings, oldest first.</summary>
public sealed record AccountRow(
    long Login,
    string Broker,
    string Enrollment,
    string State,
    decimal? HealthScore,
    bool IsHealthy,
    IReadOnlyList<string> Reasons,
    DateTime? LastSeenAt,
    decimal? Balance,
    decimal? Equity,
    long OpenPositions,
    double? RequestsPerSecond,
    double? HeartbeatMs,
    IReadOnlyList<double> HeartbeatTrend,
    double? CommandMs,
    IReadOnlyList<double> CommandTrend);

/// <param name="TicksPerSecond">Ticks stored per second between the last two readings (null after the first).</param>
/// <param name="IngestLag">Entries waiting in the ingest streams.</param>
public sealed record FleetTotals(
    long Connections,
    long Healthy,
    long Unhealthy,
    IReadOnlyDictionary<string, long> CommandsByStatus,
    decimal SuccessRate,
    long ActiveCommands,
    double? TicksPerSecond,
    long IngestLag,
    long DeadLetters)
{
    public static readonly FleetTotals None = new(0, 0, 0, new Dictionary<string, long>(), 100, 0, null, 0, 0);
}
