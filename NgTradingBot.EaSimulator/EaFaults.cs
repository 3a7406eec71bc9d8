namespace NgTradingBot.EaSimulator;

/// <summary>
/// Seeded network faults, each drawn per request, and failures aimed at one route.
/// </summary>
/// <param name="DropResponseProbability">The request reaches the server, but the EA sees -1 (lost answer).</param>
/// <param name="DisconnectProbability">The connection fails before the request is sent: -1, the server sees nothing.</param>
/// <param name="SlowReplyProbability">The answer is held back by <paramref name="SlowReplyDelay"/>; past the timeout the EA sees -1.</param>
/// <param name="FailFirst">
/// Per route (<see cref="EaRoutes"/>), how many of its first requests fail before they are sent (-1, the server sees
/// nothing): for example the start-up <c>/api/symbols</c> alone, which leaves the EA connected with no symbols.
/// </param>
public sealed record EaFaults(
    double DropResponseProbability = 0,
    double DisconnectProbability = 0,
    double SlowReplyProbability = 0,
    TimeSpan SlowReplyDelay = default,
    IReadOnlyDictionary<string, int>? FailFirst = null)
{
    public static EaFaults None { get; } = new();

    public bool Any => DropResponseProbability > 0 || DisconnectProbability > 0 || (SlowReplyProbability > 0 && SlowReplyDelay > TimeSpan.Zero)
        || FailFirst?.Values.Any(count => count > 0) == true;

    public void Validate() =>
        EaOptions.Require(
            DropResponseProbability is >= 0 and <= 1 && DisconnectProbability is >= 0 and <= 1 && SlowReplyProbability is >= 0 and <= 1 && SlowReplyDelay >= TimeSpan.Zero
            && FailFirst?.Values.All(count => count >= 0) != false,
            "Fault probabilities must be in [0, 1], the delay and the per-route failure counts not negative.");
}
