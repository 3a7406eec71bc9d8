using System.Net;
using System.Text.Json;
using NgTradingBot.IntegrationTests.Hosting;

namespace NgTradingBot.IntegrationTests.Foundation;

[Collection(AppCollection.Name)]
public sealed class ResourceHealthTests(AppFixture fixture)
{
    [Theory]
    [InlineData("postgres")]
    [InlineData("ngtradingbot")]
    [InlineData("redis")]
    [InlineData("core")]
    [InlineData("gateway")]
    [InlineData("web")]
    public async Task EveryResourceRunsAndIsHealthy(string resource)
    {
        await fixture.App.WaitHealthyAsync(resource);

        Assert.True(fixture.App.ResourceNotifications.TryGetCurrentState(resource, out var state));
        Assert.Equal(KnownResourceStates.Running, state.Snapshot.State?.Text);
        Assert.NotEmpty(state.Snapshot.HealthReports);
        Assert.All(state.Snapshot.HealthReports, report => Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, report.Status));
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("redis")]
    [InlineData("core")]
    [InlineData("gateway")]
    [InlineData("web")]
    public void EveryProcessResourceHasAProcess(string resource)
    {
        Assert.NotNull(fixture.App.LauncherPid(resource));
    }

    [Theory]
    [InlineData("core", "http")]
    [InlineData("web", "http")]
    [InlineData("gateway", "command")]
    [InlineData("gateway", "ticks")]
    [InlineData("gateway", "trades")]
    [InlineData("gateway", "logs")]
    public async Task EveryServiceEndpointAnswersHealthAndAlive(string resource, string endpoint)
    {
        await fixture.App.WaitHealthyAsync(resource);
        using var client = fixture.App.CreateHttpClient(resource, endpoint);

        using var health = await client.GetAsync("/health");
        using var alive = await client.GetAsync("/alive");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        using var report = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
    }

    // The client integrations name their checks: Aspire.Npgsql "PostgreSql", Aspire.StackExchange.Redis "StackExchange.Redis".
    [Theory]
    [InlineData("core", new[] { "self", "PostgreSql", "StackExchange.Redis", "schema" })]
    [InlineData("gateway", new[] { "self", "StackExchange.Redis" })]
    [InlineData("web", new[] { "self", "StackExchange.Redis" })]
    public async Task ReadinessCoversTheStoresEachServiceUses(string resource, string[] checks)
    {
        await fixture.App.WaitHealthyAsync(resource);
        using var client = fixture.App.CreateHttpClient(resource, resource == "gateway" ? "command" : "http");

        using var report = JsonDocument.Parse(await client.GetStringAsync("/health"));
        var entries = report.RootElement.GetProperty("checks");

        Assert.Equal(checks.Order(), entries.EnumerateObject().Select(e => e.Name).Order());
        Assert.All(entries.EnumerateObject(), e => Assert.Equal("Healthy", e.Value.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task LivenessExcludesDependencies()
    {
        using var client = fixture.App.CreateCoreClient();

        using var report = JsonDocument.Parse(await client.GetStringAsync("/alive"));

        Assert.Equal(["self"], report.RootElement.GetProperty("checks").EnumerateObject().Select(e => e.Name));
    }
}
