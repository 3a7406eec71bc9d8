namespace NgTradingBot.Handoff;

/// <summary>
/// What one gateway saw of one account's requests since its last report: answered and refused requests, the
/// refusals since the last answered one, the time of the latest request, how long heartbeats took to answer, and the
/// answer times of all answered requests and of heartbeats alone as <see cref="LatencyHistogram"/> bucket counts.
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
    double HeartbeatMilliseconds,
    long[] RequestLatency,
    long[] HeartbeatLatency);

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

/// <summary>Answer-time percentiles of one account's requests over a recent window, in milliseconds (null: none answered).</summary>
public sealed record LatencyPercentiles(long Count, double? P50, double? P95, double? P99)
{
    public static LatencyPercentiles Of(LatencyHistogram histogram) =>
        new(histogram.Total, Round(histogram.Percentile(0.50)), Round(histogram.Percentile(0.95)), Round(histogram.Percentile(0.99)));

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 1) : null;
}

/// <summary>An account's request and heartbeat answer times over the last <see cref="AccountTrafficStore.LatencyWindow"/>.</summary>
public sealed record AccountLatency(LatencyPercentiles Requests, LatencyPercentiles Heartbeats);
