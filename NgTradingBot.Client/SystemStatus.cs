namespace NgTradingBot.Client;

/// <summary>The seeds' <c>/api/system/status</c> document (Core writes it in snake_case).</summary>
public sealed record SystemStatus(ConnectionsStatus Connections, CommandsStatus Commands, DataStatus Data, IngestBacklog Ingest, DateTime GeneratedAt);

public sealed record ConnectionsStatus(long Total, long Healthy, long Unhealthy, IReadOnlyList<ConnectionStatus> Details);

public sealed record ConnectionStatus(long AccountNumber, string Broker, string State, decimal HealthScore, bool IsHealthy, long HeartbeatCount,
    double? AvgHeartbeatLatencyMs, IReadOnlyList<string> HealthReasons, int ConsecutiveFailures, DateTime? LastSeenAt, DateTime? LastHeartbeatAt,
    DateTime? ConnectedAt);

/// <summary>Commands by state; <c>SuccessRate</c> is completed as a percentage of processed.</summary>
public sealed record CommandsStatus(long TotalProcessed, long TotalFailed, decimal SuccessRate, long Active, IReadOnlyDictionary<string, long> ByStatus);

public sealed record DataStatus(long TotalTicksReceived, long TotalHeartbeatsReceived, long TotalTickBatchesReceived);

/// <summary>Entries waiting in the ingest streams, and messages that could not be stored.</summary>
public sealed record IngestBacklog(long Lag, long DeadLetters);
