namespace NgTradingBot.EaSimulator.Tests.Support;

/// <summary>A clock that only moves when told to; broker time in the tests is fully deterministic.</summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
