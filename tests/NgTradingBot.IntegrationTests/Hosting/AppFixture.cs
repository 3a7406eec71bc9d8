using NgTradingBot.AppHost.Hosting;
using NgTradingBot.AppHost.Hosting.Processes;

namespace NgTradingBot.IntegrationTests.Hosting;

/// <summary>
/// The whole composition (PostgreSQL, Redis, Core, EaGateway, Web), started once per test collection
/// and always stopped, its data folder deleted, even when tests fail or the test host exits early.
/// </summary>
public class AppFixture : IAsyncLifetime
{
    /// <summary>Settings a derived fixture adds to the composition.</summary>
    protected virtual IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    /// <summary>Adjusts the composed model before it starts (for example a service's settings).</summary>
    protected virtual void Configure(DistributedApplicationBuilder builder)
    {
    }

    public FakeOtlpCollector Collector { get; } = new();

    public DistributedApplication App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ConsoleOutput.ForwardChildOutput = false;
        var settings = new Dictionary<string, string?>(ExtraSettings)
        {
            ["AppHost:OtlpEndpoint"] = Collector.Endpoint,
            ["AppHost:OtlpProtocol"] = "http/protobuf",
            ["AppHost:OtlpMetricExportInterval"] = "00:00:01",
        };
        var builder = DistributedApplicationTestingBuilder.Create(settings);
        Configure(builder);
        App = builder.Build();
        AppDomain.CurrentDomain.ProcessExit += StopOnExit;
        try
        {
            await App.StartAsync();
        }
        catch (Exception error)
        {
            var logs = string.Join('\n', App.Resources.SelectMany(r => ConsoleOutput.RecentLines(r.Name).TakeLast(30).Select(l => $"[{r.Name}] {l}")));
            await DisposeAsync();
            throw new InvalidOperationException($"The application did not start: {error.Message}\n{logs}", error);
        }
    }

    public async Task DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= StopOnExit;
        await App.StopAsync();
        Collector.Dispose();
        try
        {
            Directory.Delete(App.DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A server that wrote a last file while stopping; the folder is in the temp area anyway.
        }
    }

    private void StopOnExit(object? sender, EventArgs e) => App.StopAsync().GetAwaiter().GetResult();
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "application";
}
