namespace NgTradingBot.IntegrationTests.Hosting;

/// <summary>
/// A whole composition told to use an existing PostgreSQL (<c>ConnectionStrings:postgres</c>, the database named
/// in it) instead of starting its own; everything else local on free ports in a throwaway folder.
/// </summary>
public sealed class GivenServerApp : IAsyncDisposable
{
    private readonly string _dataDirectory;

    private GivenServerApp(DistributedApplication app, string dataDirectory)
    {
        App = app;
        _dataDirectory = dataDirectory;
    }

    public DistributedApplication App { get; }

    /// <summary>Started, with Core healthy (its schema migrated).</summary>
    public static async Task<GivenServerApp> StartAsync(string postgresConnectionString)
    {
        using var timeout = new CancellationTokenSource(AppFixture.StartTimeout);
        var dataDirectory = Path.Combine(Path.GetTempPath(), "ngtradingbot-tests", Guid.NewGuid().ToString("N")[..12]);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.NgTradingBot_AppHost>(
            [$"--ConnectionStrings:postgres={postgresConnectionString}", $"--AppHost:DataDirectory={dataDirectory}", "--AppHost:DynamicPorts=true",
             "--AppHost:GatewayBindAddress=127.0.0.1"],
            timeout.Token);
        var given = new GivenServerApp(await builder.BuildAsync(timeout.Token), dataDirectory);
        try
        {
            await given.App.StartAsync(timeout.Token);
            await given.App.ResourceNotifications.WaitForResourceHealthyAsync("core", timeout.Token);
            return given;
        }
        catch
        {
            await given.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
