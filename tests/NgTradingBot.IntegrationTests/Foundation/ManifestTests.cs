using System.Text.Json;
using NgTradingBot.IntegrationTests.Hosting;

namespace NgTradingBot.IntegrationTests.Foundation;

/// <summary>
/// Deployment from the model: the manifest azd consumes describes PostgreSQL and Redis as containers and the
/// services as projects, wired to them under the same connection string names as in a local run.
/// </summary>
public sealed class ManifestTests
{
    [Fact]
    public async Task TheManifestDescribesContainersForTheStoresAndProjectsForTheServices()
    {
        var output = Path.Combine(Path.GetTempPath(), "ngtradingbot-tests", Guid.NewGuid().ToString("N")[..12], "manifest.json");
        await using var apphost = AppHostProcess.Publish("--publisher", "manifest", "--output-path", output);

        Assert.True(await apphost.WaitForExitAsync(TimeSpan.FromMinutes(2)), apphost.Output);
        Assert.Equal(0, apphost.ExitCode);
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(output));
        var resources = manifest.RootElement.GetProperty("resources");

        Assert.StartsWith("container.", Type(resources, "postgres"));
        Assert.StartsWith("container.", Type(resources, "redis"));
        Assert.Equal("value.v0", Type(resources, "ngtradingbot"));
        Assert.All(new[] { "core", "gateway", "web" }, service => Assert.StartsWith("project.", Type(resources, service)));
        Assert.Contains("{ngtradingbot.connectionString}", Environment(resources, "core", "ConnectionStrings__ngtradingbot"));
        Assert.Contains("{redis.connectionString}", Environment(resources, "core", "ConnectionStrings__redis"));
        Assert.Contains("{redis.connectionString}", Environment(resources, "gateway", "ConnectionStrings__redis"));
        Assert.Contains("{core.bindings.http.url}", Environment(resources, "gateway", "services__core__http__0"));
        Assert.Contains("{core.bindings.http.url}", Environment(resources, "web", "services__core__http__0"));
        // The EA connects from outside: the gateway's four endpoints are public, on the ports the EA knows.
        var bindings = resources.GetProperty("gateway").GetProperty("bindings");
        Assert.All(new[] { ("command", 9900), ("ticks", 9901), ("trades", 9902), ("logs", 9903) }, binding =>
        {
            Assert.True(bindings.GetProperty(binding.Item1).GetProperty("external").GetBoolean());
            Assert.Equal(binding.Item2, bindings.GetProperty(binding.Item1).GetProperty("targetPort").GetInt32());
        });
        Assert.False(resources.GetProperty("core").GetProperty("bindings").GetProperty("http").TryGetProperty("external", out var external) && external.GetBoolean());
    }

    private static string Type(JsonElement resources, string name) => resources.GetProperty(name).GetProperty("type").GetString()!;

    private static string Environment(JsonElement resources, string resource, string variable) =>
        resources.GetProperty(resource).GetProperty("env").GetProperty(variable).GetString()!;
}
