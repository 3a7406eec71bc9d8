namespace NgTradingBot.Handoff;

/// <summary>
/// What one gateway saw of one account's requests since its last report: answered and refused requests, the
/// refusals since the last answered one, the time of the latest request, and how long heartbeats took to answer.
/// </summary>
public sealed record TrafficReport(
    long Login,
    long Answered,
    long Refused,
    long RefusedSinceAnswered,
    bool AnsweredAny,
    DateTimeOffset LastRequestAt,
    string? LastRefusal,
    long Heartbeats,
    double HeartbeatMilliseconds);

/// <summary>An account's traffic as all gateways together reported it (totals since the hash was created).</summary>
public sealed record AccountTraffic(
    long Login,
    long Answered,
    long Refused,
    long ConsecutiveRefusals,
    DateTimeOffset? LastRequestAt,
    string? LastRefusal,
    long Heartbeats,
    double HeartbeatMilliseconds)
{
    public double? AverageHeartbeatMilliseconds => Heartbeats > 0 ? HeartbeatMilliseconds / Heartbeats : null;
}
