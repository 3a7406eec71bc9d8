using System.Net;
using Microsoft.Extensions.Options;
using NgTradingBot.ServiceDefaults.Resilience;

namespace NgTradingBot.UnitTests.ServiceDefaults;

public sealed class ResilienceHandlerTests
{
    private sealed class CountingHandler(params HttpStatusCode[] answers) : HttpMessageHandler
    {
        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var status = answers[Math.Min(Calls, answers.Length - 1)];
            Calls++;
            return Task.FromResult(new HttpResponseMessage(status));
        }
    }

    private static (HttpClient Client, CountingHandler Inner) Create(params HttpStatusCode[] answers)
    {
        var inner = new CountingHandler(answers);
        var options = Options.Create(new HttpResilienceOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(1), MaxRetryAttempts = 3 });
        return (new HttpClient(new ResilienceHandler(options) { InnerHandler = inner }), inner);
    }

    [Fact]
    public async Task RetriesATransientFailureOfAnIdempotentRequest()
    {
        var (client, inner) = Create(HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK);

        using var response = await client.GetAsync("http://core/api/status");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, inner.Calls);
    }

    [Fact]
    public async Task NeverRepeatsAPostWithoutAnIdempotencyKey()
    {
        var (client, inner) = Create(HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK);

        using var response = await client.PostAsync("http://core/api/commands", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, inner.Calls);
    }

    [Fact]
    public async Task RepeatsAPostThatCarriesAnIdempotencyKey()
    {
        var (client, inner) = Create(HttpStatusCode.BadGateway, HttpStatusCode.OK);
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://core/api/commands") { Content = new StringContent("{}") };
        request.Headers.Add(ResilienceHandler.IdempotencyKeyHeader, "abc");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public async Task DoesNotRetryAClientError()
    {
        var (client, inner) = Create(HttpStatusCode.BadRequest, HttpStatusCode.OK);

        using var response = await client.GetAsync("http://core/api/status");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, inner.Calls);
    }
}
