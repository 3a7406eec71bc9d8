using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NgTradingBot.IntegrationTests.Hosting;

/// <summary>
/// The AppHost's own model (PostgreSQL, Redis, Core, EaGateway, Web) built with
/// <see cref="DistributedApplicationTestingBuilder"/> on free ports in a throwaway data folder, started once
/// per test collection and always stopped, its folder deleted, even when tests fail.
/// </summary>
public class AppFixture : IAsyncLifetime
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    private readonly RecentLogs _logs = new();

    /// <summary>Settings a derived fixture adds, as AppHost command-line arguments.</summary>
    protected virtual IEnumerable<string> ExtraArguments => [];

    /// <summary>Adjusts the composed model before it starts (for example a service's settings).</summary>
    protected virtual void Configure(IDistributedApplicationTestingBuilder builder)
    {
    }

    public FakeOtlpCollector Collector { get; } = new();

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "ngtradingbot-tests", Guid.NewGuid().ToString("N")[..12]);

    public DistributedApplication App { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.NgTradingBot_AppHost>(
            [
                $"--AppHost:DataDirectory={DataDirectory}",
                "--AppHost:DynamicPorts=true",
                "--AppHost:GatewayBindAddress=127.0.0.1",
                "--AppHost:RestartBackoffMax=00:00:01",
                .. ExtraArguments,
            ],
            (options, _) => options.DisableDashboard = true,
            timeout.Token);
        builder.Services.AddLogging(logging => logging.AddProvider(_logs));
        builder.Services.AddSingleton(_logs);
        // Every service exports its telemetry to the collector instead of to a dashboard.
        foreach (var service in builder.Resources.OfType<ProjectResource>())
        {
            builder.CreateResourceBuilder(service).WithEnvironment(context =>
            {
                context.EnvironmentVariables["OTEL_EXPORTER_OTLP_ENDPOINT"] = Collector.Endpoint;
                context.EnvironmentVariables["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
            });
        }
        // On a test's time scale: a silent EA degrades after 3 s and is disconnected after 10 s (a window
        // wide enough that a sweep delayed by a loaded machine still passes through degraded), and an open position
        // missing from the EA's lists for 2 s is closed; market data retention looks every second.
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "core"))
            .WithEnvironment("ConnectionHealth__CheckInterval", "00:00:00.500")
            .WithEnvironment("ConnectionHealth__DegradedAfterSilence", "00:00:03")
            .WithEnvironment("ConnectionHealth__DisconnectedAfterSilence", "00:00:10")
            .WithEnvironment("Ingest__ClosePositionsMissingFor", "00:00:02")
            .WithEnvironment("MarketData__RetentionCheckInterval", "00:00:01");
        Configure(builder);
        App = await builder.BuildAsync(timeout.Token);
        try
        {
            await App.StartAsync(timeout.Token);
            foreach (var service in new[] { "core", "gateway", "web" })
            {
                await App.ResourceNotifications.WaitForResourceHealthyAsync(service, timeout.Token);
            }
        }
        catch (Exception error)
        {
            await DisposeAsync();
            throw new InvalidOperationException($"The application did not start: {error.Message}\n{_logs.Dump()}", error);
        }
    }

    public virtual async Task DisposeAsync()
    {
        await App.DisposeAsync();
        Collector.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A server that wrote a last file while stopping; the folder is in the temp area anyway.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "application";
}
