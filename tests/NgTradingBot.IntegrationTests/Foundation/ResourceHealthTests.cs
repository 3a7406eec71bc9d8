using System.Net;
using System.Text.Json;
using NgTradingBot.AppHost.Hosting.Resources;
using NgTradingBot.IntegrationTests.Hosting;

namespace NgTradingBot.IntegrationTests.Foundation;

[Collection(AppCollection.Name)]
public sealed class ResourceHealthTests(AppFixture fixture)
{
    [Fact]
    public void EveryResourceIsRunning()
    {
        Assert.Equal(["postgres", "redis", "core", "gateway", "web"], fixture.App.Resources.Select(r => r.Name));
        Assert.All(fixture.App.Resources, r => Assert.Equal(ResourceState.Running, r.State));
        Assert.All(fixture.App.Resources, r => Assert.NotNull(r.ProcessId));
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
        await fixture.App.WaitForResourceHealthyAsync(resource);
        using var client = fixture.App.CreateHttpClient(resource, endpoint);

        using var health = await client.GetAsync("/health");
        using var alive = await client.GetAsync("/alive");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        using var report = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("core", new[] { "self", "postgres", "redis", "schema" })]
    [InlineData("gateway", new[] { "self", "redis" })]
    [InlineData("web", new[] { "self" })]
    public async Task ReadinessCoversTheStoresEachServiceUses(string resource, string[] checks)
    {
        await fixture.App.WaitForResourceHealthyAsync(resource);
        using var client = fixture.App.CreateHttpClient(resource, resource == "gateway" ? "command" : "http");

        using var report = JsonDocument.Parse(await client.GetStringAsync("/health"));
        var entries = report.RootElement.GetProperty("checks");

        Assert.Equal(checks.Order(), entries.EnumerateObject().Select(e => e.Name).Order());
        Assert.All(entries.EnumerateObject(), e => Assert.Equal("Healthy", e.Value.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task LivenessExcludesDependencies()
    {
        using var client = fixture.App.CreateHttpClient("core");

        using var report = JsonDocument.Parse(await client.GetStringAsync("/alive"));

        Assert.Equal(["self"], report.RootElement.GetProperty("checks").EnumerateObject().Select(e => e.Name));
    }
}
