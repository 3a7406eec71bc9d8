namespace NgTradingBot.Core.Commands;

/// <summary>Exponential backoff with jitter: how long a failed attempt waits before the next one.</summary>
public static class RetryBackoff
{
    /// <param name="failedAttempt">The attempt that just failed (1 for the first).</param>
    /// <param name="random">A draw in [0, 1).</param>
    public static TimeSpan Delay(int failedAttempt, CommandRetryOptions options, double random)
    {
        var doublings = Math.Clamp(failedAttempt - 1, 0, 30);
        var full = Math.Min(options.FirstDelay.TotalMilliseconds * Math.Pow(2, doublings), options.MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(full * (1 - options.Jitter * random));
    }
}
