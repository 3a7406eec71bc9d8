using System.Collections.Concurrent;
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

    private const int ExpectTimeoutMs = 90_000;

    public IBrowser Browser { get; private set; } = null!;

    // An order the EA never answers is OUTCOME_UNKNOWN after 3 s, and stays so (for the operator to resolve) for 10 minutes.
    protected override void Configure(IDistributedApplicationTestingBuilder builder) =>
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "core"))
            .WithEnvironment("Commands__ResponseTimeout", "00:00:03")
            .WithEnvironment("Commands__OutcomeResolveWithin", "00:10:00");

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
        // Generous: the EAs connect and stream on a machine the other suites share; each wait ends as soon as the page shows it.
        Assertions.SetDefaultExpectTimeout(ExpectTimeoutMs);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>
    /// A browser context whose actions and navigations wait as long as the expectations do: Playwright's own 30 s ran
    /// out once on a sign-in while the other suites loaded the machine.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options)
    {
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout(ExpectTimeoutMs);
        return context;
    }

    /// <summary>A browser context at this size, signed in through the sign-in page as an operator would.</summary>
    public async Task<(IBrowserContext Context, IPage Page)> SignedInAsync(int width = 1280, int height = 900)
    {
        var context = await NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        // What the page asked and was answered, for the message should the overview not come.
        var trail = new ConcurrentQueue<string>();
        page.Request += (_, request) => trail.Enqueue($"{request.Method} {request.Url}");
        page.Response += (_, response) => trail.Enqueue($"{response.Status} {response.Url}");
        page.RequestFailed += (_, request) => trail.Enqueue($"failed {request.Url}: {request.Failure}");
        await page.GotoAsync(new Uri(WebUrl, "/signin").ToString());
        await page.FillAsync("#operator-key", App.OperatorKey());
        await page.ClickAsync("button[type=submit]");
        try
        {
            await page.WaitForURLAsync(new Uri(WebUrl, "/").ToString());
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"Signing in did not reach the overview; the page is at {page.Url} after: {string.Join("; ", trail)}", ex);
        }

        await page.WaitForSelectorAsync(Interactive);
        return (context, page);
    }

    /// <summary>The layout's mark that the circuit has taken over the prerendered page: input typed before it would be lost.</summary>
    public const string Interactive = ".shell[data-interactive=true]";

    /// <summary>Opens a page of the UI and waits until it is interactive.</summary>
    public async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(new Uri(WebUrl, path).ToString());
        await page.WaitForSelectorAsync(Interactive);
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
