using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace NgTradingBot.ServiceDefaults.Resilience;

/// <summary>
/// The standard resilience handler retries every method; ours never repeats a request that could act
/// twice (creating a command) unless it carries an <c>Idempotency-Key</c> the receiver deduplicates on.
/// Only transient failures are retried or counted by the circuit breaker: a 4xx is the caller's answer.
/// </summary>
public static class IdempotentRetries
{
    /// <summary>Configuration section bound to <see cref="HttpStandardResilienceOptions"/>.</summary>
    public const string SectionName = "HttpResilience";

    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static void Apply(HttpStandardResilienceOptions options) =>
        options.Retry.ShouldHandle = args => ValueTask.FromResult(
            HttpClientResiliencePredicates.IsTransient(args.Outcome) && IsSafeToRepeat(args.Context.GetRequestMessage()));

    public static bool IsSafeToRepeat(HttpRequestMessage? request) =>
        request is not null
        && (request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || request.Method == HttpMethod.Options
            || request.Method == HttpMethod.Put || request.Method == HttpMethod.Delete
            || request.Headers.Contains(IdempotencyKeyHeader));
}
