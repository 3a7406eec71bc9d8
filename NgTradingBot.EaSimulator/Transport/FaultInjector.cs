namespace NgTradingBot.EaSimulator;

/// <summary>Seeded fault decisions, separate from the price walk so enabling faults does not change prices.</summary>
internal sealed class FaultInjector(EaFaults faults, int seed)
{
    private readonly Random _random = new(unchecked(seed * 7919 + 104_729));
    private readonly Lock _gate = new();

    public bool Disconnect() => Draw(faults.DisconnectProbability);

    public bool DropResponse() => Draw(faults.DropResponseProbability);

    public TimeSpan SlowReplyDelay() => faults.SlowReplyDelay > TimeSpan.Zero && Draw(faults.SlowReplyProbability) ? faults.SlowReplyDelay : TimeSpan.Zero;

    private bool Draw(double probability)
    {
        if (probability <= 0)
        {
            return false;
        }
        lock (_gate)
        {
            return _random.NextDouble() < probability;
        }
    }
}
