using Microsoft.Playwright;
using NgTradingBot.EaSimulator;
using NgTradingBot.IntegrationTests.Hosting;

namespace NgTradingBot.IntegrationTests.Ui;

/// <summary>
/// The composition with simulated EAs running on their own (as beside a real deployment), and a headless Chromium
/// (Debian's) to look at the status UI with. One per collection: the browser's composition leaves the others alone.
/// </summary>
public sealed class UiFixture : AppFixture
{
    public static readonly long[] Logins = [5_900_000_001, 5_900_000_002, 5_900_000_003];

    private readonly Dictionary<long, (SimulatedEa Ea, CancellationTokenSource Stop, Task Run)> _eas = [];
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri WebUrl => App.GetEndpoint("web", "http");

    /// <summary>Screenshots, under the test output folder.</summary>
    public string ArtifactsDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "ui");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        foreach (var login in Logins)
        {
            var ea = SimulatedEas.Create(App, login);
            var stop = new CancellationTokenSource();
            _eas[login] = (ea, stop, Task.Run(() => ea.RunAsync(stop.Token)));
        }

        Directory.CreateDirectory(ArtifactsDirectory);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>Stops the EA as closing its chart would (OnDeinit), and keeps it silent from then on.</summary>
    public async Task StopEaAsync(long login)
    {
        var (_, stop, run) = _eas[login];
        await stop.CancelAsync();
        await run;
    }

    public override async Task DisposeAsync()
    {
        foreach (var (ea, stop, run) in _eas.Values)
        {
            await stop.CancelAsync();
            await run;
            await ea.DisposeAsync();
            stop.Dispose();
        }

        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class UiCollection : ICollectionFixture<UiFixture>
{
    public const string Name = "status ui";
}
