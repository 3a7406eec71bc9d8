using System.Text.Json;

namespace NgTradingBot.Core.Commands;

/// <summary>What a failed answer leads to: a retry at <see cref="RetryAt"/>, or FAILED; either way with the reason stored in its step.</summary>
public sealed record RetryDecision(bool Retry, string Reason, DateTimeOffset? RetryAt)
{
    /// <param name="failedAttempt">The attempt the EA answered (1 for the first).</param>
    /// <param name="random">A draw in [0, 1) for the jitter.</param>
    public static RetryDecision For(string type, JsonElement response, int failedAttempt, DateTimeOffset answeredAt, DateTimeOffset expiresAt,
        CommandRetryOptions options, double random)
    {
        var verdict = RetryableFailures.Judge(type, response);
        if (!verdict.Retryable)
        {
            return new RetryDecision(false, $"not retried: {verdict.Reason}", null);
        }

        if (failedAttempt >= options.MaxAttempts)
        {
            return new RetryDecision(false, $"attempt {failedAttempt} of {options.MaxAttempts} failed, none left: {verdict.Reason}", null);
        }

        var at = answeredAt + RetryBackoff.Delay(failedAttempt, options, random);
        return at < expiresAt
            ? new RetryDecision(true, verdict.Reason, at)
            : new RetryDecision(false, $"not retried: attempt {failedAttempt + 1} would come after expires_at ({verdict.Reason})", null);
    }
}
