namespace NgTradingBot.EaSimulator;

/// <summary>Seeded fault decisions, separate from the price walk so enabling faults does not change prices.</summary>
internal sealed class FaultInjector(EaFaults faults, int seed)
{
    private readonly Random _random = new(unchecked(seed * 7919 + 104_729));
    private readonly Dictionary<string, int> _failedSoFar = [];
    private readonly Lock _gate = new();

    public bool Disconnect() => Draw(faults.DisconnectProbability);

    public bool DropResponse() => Draw(faults.DropResponseProbability);

    public TimeSpan SlowReplyDelay() => faults.SlowReplyDelay > TimeSpan.Zero && Draw(faults.SlowReplyProbability) ? faults.SlowReplyDelay : TimeSpan.Zero;

    /// <summary>Whether this request to <paramref name="route"/> is one of the first ones set to fail; draws nothing.</summary>
    public bool FailsFirst(string route)
    {
        if (faults.FailFirst?.TryGetValue(route, out var count) != true)
        {
            return false;
        }
        lock (_gate)
        {
            var failed = _failedSoFar.GetValueOrDefault(route);
            if (failed >= count)
            {
                return false;
            }
            _failedSoFar[route] = failed + 1;
            return true;
        }
    }

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
