namespace NgTradingBot.Core.Connections;

/// <summary>
/// Broker (trade-server) time versus UTC. Every EA timestamp is broker wall-clock time written as if it
/// were UTC (contract section 2.4), and the EA never states the broker's offset, so Core estimates it
/// from live quotes: TimeCurrent() minus the server's UTC clock, rounded to the half hour.
/// </summary>
public static class BrokerClock
{
    private const int RoundingSeconds = 1800;

    /// <summary>Real time zones lie between UTC-12 and UTC+14.</summary>
    private const int MaxOffsetSeconds = 14 * 3600;

    /// <summary>
    /// <c>round((eaTimestamp - receivedAt) / 1800) * 1800</c>, or null when the result cannot be a time
    /// zone. TimeCurrent() freezes while the market is closed, so a stale timestamp gives a wildly
    /// negative difference: callers estimate only from quotes that just changed, and this bound catches
    /// the rest (a weekend-old timestamp lands far outside it).
    /// </summary>
    public static int? EstimateOffset(long eaTimestamp, DateTimeOffset receivedAt)
    {
        var difference = eaTimestamp - receivedAt.ToUnixTimeSeconds();
        var offset = (long)Math.Round(difference / (double)RoundingSeconds, MidpointRounding.AwayFromZero) * RoundingSeconds;
        return Math.Abs(offset) <= MaxOffsetSeconds ? (int)offset : null;
    }

    /// <summary>The broker's wall clock now, in broker seconds.</summary>
    public static long BrokerNow(DateTimeOffset utcNow, int? offsetSeconds) => ToBroker(utcNow, offsetSeconds);

    /// <summary>A UTC time on the broker's wall clock, in broker seconds (the inverse of <see cref="ToUtc"/>).</summary>
    public static long ToBroker(DateTimeOffset utc, int? offsetSeconds) => utc.ToUnixTimeSeconds() + (offsetSeconds ?? 0);

    /// <summary>A broker timestamp as true UTC, given the broker's offset (0 when unknown).</summary>
    public static DateTime ToUtc(long brokerSeconds, int? offsetSeconds) =>
        DateTime.UnixEpoch.AddSeconds(brokerSeconds - (offsetSeconds ?? 0));
}
