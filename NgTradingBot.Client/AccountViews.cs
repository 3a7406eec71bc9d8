namespace NgTradingBot.Client;

/// <summary>One line of the operator's account list; <c>RequestsAnswered</c> counts the requests the gateways answered so far (two readings apart give a rate).</summary>
public sealed record AccountSummary(long Login, string Broker, string Enrollment, string? ConnectionState, decimal? HealthScore, bool IsHealthy,
    DateTime? LastSeenAt, decimal? Balance, decimal? Equity, DateTime CreatedAt, long OpenPositions, long RequestsAnswered);

/// <summary>One account in full: its figures, its connection's health and latency, its subscriptions.</summary>
public sealed record AccountDetails(long Login, string Broker, string Enrollment, DateTime CreatedAt, DateTime? KeyIssuedAt, AccountFigures State,
    ConnectionDetails? Connection, IReadOnlyList<string> Symbols, long OpenTrades);

/// <summary>The latest account figures the EA reported.</summary>
public sealed record AccountFigures(decimal? Balance, decimal? Equity, decimal? Margin, decimal? FreeMargin, decimal? ProfitToday, DateTime? StateUpdatedAt);

public sealed record ConnectionDetails(string State, DateTime? ConnectedAt, DateTime? DisconnectedAt, DateTime? LastSeenAt, DateTime? LastHeartbeatAt,
    DateTime? LastTickAt, long HeartbeatCount, long TickBatchCount, decimal? HealthScore, IReadOnlyList<string> HealthReasons, bool IsHealthy,
    int ConsecutiveFailures, double? AvgHeartbeatLatencyMs, AccountLatency Latency, IReadOnlyList<UptimeWindow> Uptime);

/// <summary>Answer times in milliseconds over the last 5 minutes (null: nothing answered).</summary>
public sealed record LatencyPercentiles(long Count, double? P50, double? P95, double? P99);

public sealed record AccountLatency(LatencyPercentiles Requests, LatencyPercentiles Heartbeats);

/// <summary>The share of a window (5m, 1h, 1d, 1w) the account was in contact; null before the account existed.</summary>
public sealed record UptimeWindow(string Window, double? UpPercent, long ObservedSeconds);

/// <summary>One page of a list, newest first; pass <see cref="NextCursor"/> for the next page (null on the last).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>A position as the EA last reported it; <see cref="CloseReason"/> says why a closed one closed.</summary>
public sealed record Position(long Ticket, string Symbol, string Direction, decimal Volume, decimal? OpenPrice, decimal? ClosePrice, decimal? Sl, decimal? Tp,
    decimal? Profit, string Status, string? CloseReason, string? CommandId, DateTimeOffset FirstSeenAt, DateTimeOffset UpdatedAt);

public sealed record EaLogEntry(long Id, string Level, string Message, string? Details, DateTimeOffset ReceivedAt);

public sealed record EquityPoint(DateTimeOffset At, decimal? Balance, decimal? Equity);

/// <summary>A transition of the account's connection: connected, health.degraded (with its reasons), disconnected, ...</summary>
public sealed record ConnectionEventEntry(long Id, DateTimeOffset At, string Event, string? Detail);

/// <summary>A quote as the EA sent it.</summary>
public sealed record Quote(string Symbol, decimal Bid, decimal Ask, DateTimeOffset Time);
