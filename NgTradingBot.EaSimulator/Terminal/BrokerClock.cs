namespace NgTradingBot.EaSimulator;

/// <summary>
/// Trade-server time: UTC plus the broker's offset, in whole seconds since 1970 written as if it were UTC.
/// While the market is closed TimeCurrent() is the time of the last quote, so it stands still (<see cref="Freeze"/>).
/// </summary>
public sealed class BrokerClock(TimeProvider time, int offsetSeconds)
{
    private long _frozenAt = -1;

    public TimeProvider TimeProvider => time;

    /// <summary>TimeCurrent().</summary>
    public long TimeCurrent() => Volatile.Read(ref _frozenAt) is var frozen and >= 0 ? frozen : time.GetUtcNow().ToUnixTimeSeconds() + offsetSeconds;

    /// <summary>Broker wall-clock time as a date (its Offset is zero: broker time is labelled as UTC).</summary>
    public DateTimeOffset BrokerNow => DateTimeOffset.FromUnixTimeSeconds(TimeCurrent());

    public bool Frozen => Volatile.Read(ref _frozenAt) >= 0;

    /// <summary>The last quote's time from now on, until <see cref="Resume"/>.</summary>
    public void Freeze() => Volatile.Write(ref _frozenAt, time.GetUtcNow().ToUnixTimeSeconds() + offsetSeconds);

    public void Resume() => Volatile.Write(ref _frozenAt, -1);
}
