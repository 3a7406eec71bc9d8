using NgTradingBot.Core.Connections;
using NgTradingBot.Handoff;

namespace NgTradingBot.Core.Accounts;

/// <summary>One line of the operator's account list.</summary>
/// <param name="OpenPositions">Positions stored as open.</param>
/// <param name="RequestsAnswered">Requests the gateways answered for this account since its traffic record began: a rate is two readings apart.</param>
public sealed record AccountSummary(
    long Login,
    string Broker,
    string Enrollment,
    string? ConnectionState,
    decimal? HealthScore,
    bool IsHealthy,
    DateTime? LastSeenAt,
    decimal? Balance,
    decimal? Equity,
    DateTime CreatedAt,
    long OpenPositions,
    long RequestsAnswered);

/// <summary>The latest account figures the EA reported (broker time of the report, and when Core received it).</summary>
public sealed record AccountState(
    decimal? Balance,
    decimal? Equity,
    decimal? Margin,
    decimal? FreeMargin,
    decimal? ProfitToday,
    decimal? ProfitWeek,
    decimal? ProfitMonth,
    decimal? ProfitYear,
    decimal? DepositsToday,
    decimal? DepositsWeek,
    decimal? DepositsMonth,
    decimal? DepositsYear,
    long? StateBrokerTime,
    DateTime? StateUpdatedAt);

/// <param name="Latency">How long the gateways took to answer this account's requests and heartbeats in the last 5 minutes.</param>
public sealed record ConnectionView(
    string State,
    DateTime? ConnectedAt,
    DateTime? DisconnectedAt,
    DateTime? LastSeenAt,
    DateTime? LastHeartbeatAt,
    DateTime? LastTickAt,
    string? RemoteAddress,
    long HeartbeatCount,
    long TickBatchCount,
    int? BrokerOffsetSeconds,
    DateTime? LastRequestAt,
    decimal? HealthScore,
    IReadOnlyList<string> HealthReasons,
    bool IsHealthy,
    int ConsecutiveFailures,
    double? AvgHeartbeatLatencyMs,
    DateTime? HealthCheckedAt,
    AccountLatency Latency,
    IReadOnlyList<UptimeWindow> Uptime);

public sealed record AccountDetails(
    long Login,
    string Broker,
    string Enrollment,
    DateTime CreatedAt,
    DateTime? KeyIssuedAt,
    AccountState State,
    ConnectionView? Connection,
    IReadOnlyList<string> Symbols,
    long OpenTrades);
