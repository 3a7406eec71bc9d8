using System.Text;
using NgTradingBot.IntegrationTests.Hosting;

namespace NgTradingBot.IntegrationTests.Foundation;

[Collection(AppCollection.Name)]
public sealed class TelemetryTests(AppFixture fixture)
{
    [Fact]
    public async Task ServicesExportFrameworkAndOwnMetricsOverOtlp()
    {
        using var client = fixture.App.CreateCoreClient();
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

    [Fact]
    public async Task ServicesExportTracesOfRealRequestsButNotOfHealthProbes()
    {
        using var client = fixture.App.CreateWebClient();
        await client.GetStringAsync("/health");
        await client.GetStringAsync("/alive");
        await client.GetStringAsync("/api/system/status");
        using var core = fixture.App.CreateCoreClient();
        await core.GetStringAsync("/api/status");

        // Web's server span with its route, and Core's own server span (the test called it, not another test before it).
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!Text("/v1/traces").Contains("GET /api/system/status") || !Text("/v1/traces").Contains("GET /api/status"))
        {
            await Task.Delay(200, timeout.Token);
        }

        Assert.Contains("http.response.status_code", Text("/v1/traces"));
        Assert.DoesNotContain("/health", Text("/v1/traces"));
        Assert.DoesNotContain("/alive", Text("/v1/traces"));
    }

    [Fact]
    public async Task ServicesExportTheirLogsOverOtlp()
    {
        // Core logs this once its ingest consumer caught up after the start; the dashboard shows it as a structured log.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!Text("/v1/logs").Contains("Ingest caught up with the entries left unacknowledged"))
        {
            await Task.Delay(200, timeout.Token);
        }

        Assert.Contains("core", Text("/v1/logs"));
    }

    private string MetricsText() => Text("/v1/metrics");

    private string Text(string path) => string.Join('\n', fixture.Collector.Received
        .Where(r => r.Path == path)
        .Select(r => Encoding.UTF8.GetString(r.Body)));
}
