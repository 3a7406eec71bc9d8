using Microsoft.AspNetCore.Http;
using NgTradingBot.EaGateway.Routes;
using Polly.CircuitBreaker;
using Polly.Timeout;
using StackExchange.Redis;

namespace NgTradingBot.UnitTests.Gateway;

public sealed class EaErrorHandlingTests
{
    public static TheoryData<Exception> CoreUnavailable => new()
    {
        new HttpRequestException("connection refused"),
        new TaskCanceledException("attempt timed out"),
        // What the standard resilience handler throws instead of calling Core: an open breaker, a spent timeout.
        new BrokenCircuitException("The circuit is now open"),
        new TimeoutRejectedException("The operation didn't complete within the allowed timeout"),
    };

    [Theory]
    [MemberData(nameof(CoreUnavailable))]
    public void CoreGivingUpIsServiceUnavailableNotAnInternalError(Exception error) =>
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, EaErrorHandling.AnswerFor(error, requestAborted: false).StatusCode);

    [Fact]
    public void RedisFailingIsServiceUnavailable() =>
        Assert.Equal(StatusCodes.Status503ServiceUnavailable,
            EaErrorHandling.AnswerFor(new RedisConnectionException(ConnectionFailureType.UnableToConnect, "down"), requestAborted: false).StatusCode);

    [Fact]
    public void AnythingElseIsAnInternalError() =>
        Assert.Equal(StatusCodes.Status500InternalServerError, EaErrorHandling.AnswerFor(new InvalidOperationException("bug"), requestAborted: false).StatusCode);
}
