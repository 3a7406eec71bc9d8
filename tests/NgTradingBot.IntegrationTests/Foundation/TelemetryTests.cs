using System.Text;
using NgTradingBot.IntegrationTests.Hosting;

namespace NgTradingBot.IntegrationTests.Foundation;

[Collection(AppCollection.Name)]
public sealed class TelemetryTests(AppFixture fixture)
{
    [Fact]
    public async Task ServicesExportFrameworkAndOwnMetricsOverOtlp()
    {
        using var client = fixture.App.CreateHttpClient("core");
        await client.GetStringAsync("/api/status");

        // OTLP protobuf carries names as raw UTF-8, so the exported batches can be searched as text.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        string[] wanted = ["http.server.request.duration", "ngtradingbot.health.status", "service.name", "core"];
        while (!wanted.All(MetricsText().Contains))
        {
            await Task.Delay(200, timeout.Token);
        }

        Assert.Contains(fixture.Collector.Received, r => r.Path == "/v1/metrics");
    }

    private string MetricsText() => string.Join('\n', fixture.Collector.Received
        .Where(r => r.Path == "/v1/metrics")
        .Select(r => Encoding.UTF8.GetString(r.Body)));
}
