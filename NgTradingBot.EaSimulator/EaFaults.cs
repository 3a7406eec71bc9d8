namespace NgTradingBot.EaSimulator;

/// <summary>
/// Seeded network faults, each drawn per request.
/// </summary>
/// <param name="DropResponseProbability">The request reaches the server, but the EA sees -1 (lost answer).</param>
/// <param name="DisconnectProbability">The connection fails before the request is sent: -1, the server sees nothing.</param>
/// <param name="SlowReplyProbability">The answer is held back by <paramref name="SlowReplyDelay"/>; past the timeout the EA sees -1.</param>
public sealed record EaFaults(
    double DropResponseProbability = 0,
    double DisconnectProbability = 0,
    double SlowReplyProbability = 0,
    TimeSpan SlowReplyDelay = default)
{
    public static EaFaults None { get; } = new();

    public bool Any => DropResponseProbability > 0 || DisconnectProbability > 0 || (SlowReplyProbability > 0 && SlowReplyDelay > TimeSpan.Zero);

    public void Validate() =>
        EaOptions.Require(
            DropResponseProbability is >= 0 and <= 1 && DisconnectProbability is >= 0 and <= 1 && SlowReplyProbability is >= 0 and <= 1 && SlowReplyDelay >= TimeSpan.Zero,
            "Fault probabilities must be in [0, 1] and the delay not negative.");
}
