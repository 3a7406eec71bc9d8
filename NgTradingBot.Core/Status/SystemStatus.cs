using NgTradingBot.Core.Connections;

namespace NgTradingBot.Core.Status;

/// <summary>
/// The seeds' <c>/api/system/status</c> document, field for field, plus our additions (reasons, last seen, uptime, ingest).
/// Serialized in snake_case, as the seeds show it. Every figure is computed from what PostgreSQL and Redis hold.
/// </summary>
public sealed record SystemStatus(ConnectionsStatus Connections, CommandsStatus Commands, DataStatus Data, IngestBacklog Ingest, DateTime GeneratedAt);

public sealed record ConnectionsStatus(long Total, long Healthy, long Unhealthy, IReadOnlyList<ConnectionStatus> Details);

public sealed record ConnectionStatus(
    long AccountId,
    long AccountNumber,
    string Broker,
    string State,
    decimal HealthScore,
    bool IsHealthy,
    long HeartbeatCount,
    double? AvgHeartbeatLatencyMs,
    IReadOnlyList<string> HealthReasons,
    int ConsecutiveFailures,
    DateTime? LastSeenAt,
    DateTime? LastHeartbeatAt,
    DateTime? ConnectedAt,
    IReadOnlyList<UptimeWindow> Uptime);

/// <param name="TotalProcessed">Commands that reached a final state.</param>
/// <param name="TotalFailed">Of those, the ones that did not complete: failed, timed out, expired.</param>
/// <param name="SuccessRate">Completed as a percentage of processed, 2 decimals; 100 when nothing was processed yet.</param>
/// <param name="Active">Pending, delivered, or with an unknown outcome.</param>
public sealed record CommandsStatus(long TotalProcessed, long TotalFailed, decimal SuccessRate, long Active, IReadOnlyDictionary<string, long> ByStatus);

public sealed record DataStatus(long TotalTicksReceived, long TotalHeartbeatsReceived, long TotalTickBatchesReceived);

/// <summary>Entries waiting in the ingest streams, and messages that could not be stored.</summary>
public sealed record IngestBacklog(long Lag, long DeadLetters);
