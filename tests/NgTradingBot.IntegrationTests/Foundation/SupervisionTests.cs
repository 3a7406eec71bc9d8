using System.Diagnostics;
using NgTradingBot.IntegrationTests.Hosting;

namespace NgTradingBot.IntegrationTests.Foundation;

/// <summary>A service that dies is reported by the orchestrator (Exited, with its exit code) and started again by the AppHost.</summary>
[Collection(AppCollection.Name)]
public sealed class SupervisionTests(AppFixture fixture)
{
    [Theory]
    [InlineData("core", "NgTradingBot.Core")]
    [InlineData("gateway", "NgTradingBot.EaGateway")]
    public async Task AKilledServiceIsReportedThenStartedAgainAndHealthy(string name, string assembly)
    {
        await fixture.App.WaitHealthyAsync(name);
        var killed = fixture.App.ServicePid(name, assembly) ?? throw new InvalidOperationException($"no process found for {name}");
        var reported = fixture.App.WaitForStateAsync(name,
            s => s.State?.Text is { } state && KnownResourceStates.TerminalStates.Contains(state) && s.ExitCode is not (null or 0));

        Process.GetProcessById(killed).Kill();
        var exit = await reported;
        await fixture.App.WaitForStateAsync(name, s => s.State?.Text == KnownResourceStates.Running);
        await fixture.App.WaitHealthyAsync(name, throughRestart: true);

        Assert.NotEqual(0, exit.Snapshot.ExitCode);
        Assert.NotEqual(killed, fixture.App.ServicePid(name, assembly));
        using var client = fixture.App.CreateHttpClient(name, name == "gateway" ? "command" : "http");
        Assert.True((await client.GetAsync("/health")).IsSuccessStatusCode);
    }
}
