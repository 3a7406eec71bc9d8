namespace NgTradingBot.EaSimulator;

/// <summary>
/// Trade-server time: UTC plus the broker's offset, in whole seconds since 1970 written as if it were UTC.
/// </summary>
public sealed class BrokerClock(TimeProvider time, int offsetSeconds)
{
    public TimeProvider TimeProvider => time;

    /// <summary>TimeCurrent().</summary>
    public long TimeCurrent() => time.GetUtcNow().ToUnixTimeSeconds() + offsetSeconds;

    /// <summary>Broker wall-clock time as a date (its Offset is zero: broker time is labelled as UTC).</summary>
    public DateTimeOffset BrokerNow => DateTimeOffset.FromUnixTimeSeconds(TimeCurrent());
}
