using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NgTradingBot.ServiceDefaults.Resilience;
using Polly.CircuitBreaker;

namespace NgTradingBot.UnitTests.ServiceDefaults;

/// <summary>Our rule on the standard resilience handler: only what is safe to repeat is repeated; a 4xx is an answer, not a fault.</summary>
public sealed class IdempotentRetriesTests
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
        var services = new ServiceCollection();
        services.AddHttpClient("core")
            .ConfigurePrimaryHttpMessageHandler(() => inner)
            .AddStandardResilienceHandler(options =>
            {
                IdempotentRetries.Apply(options);
                options.Retry.Delay = TimeSpan.FromMilliseconds(1);
                options.Retry.UseJitter = false;
                options.CircuitBreaker.MinimumThroughput = 5;
                options.CircuitBreaker.FailureRatio = 0.5;
            });
        var client = services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>().CreateClient("core");
        return (client, inner);
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
        request.Headers.Add(IdempotentRetries.IdempotencyKeyHeader, "abc");

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

    [Fact]
    public async Task ClientErrorsNeverOpenTheCircuitForEveryoneElse()
    {
        var (client, inner) = Create(HttpStatusCode.BadRequest);

        for (var i = 0; i < 50; i++)
        {
            using var refused = await client.PostAsync("http://core/internal/ea/coverage", new StringContent("{}"));
        }
        using var next = await client.GetAsync("http://core/api/status");

        Assert.Equal(HttpStatusCode.BadRequest, next.StatusCode);
        Assert.Equal(51, inner.Calls);
    }

    [Fact]
    public async Task ServerFailuresDoOpenTheCircuit()
    {
        var (client, inner) = Create(HttpStatusCode.ServiceUnavailable);
        var attempts = 0;
        var broken = false;

        while (!broken && attempts < 20)
        {
            attempts++;
            try
            {
                using var failed = await client.PostAsync("http://core/internal/ea/coverage", new StringContent("{}"));
            }
            catch (BrokenCircuitException)
            {
                broken = true;
            }
        }

        Assert.True(broken);
        Assert.True(inner.Calls < attempts);
    }
}
