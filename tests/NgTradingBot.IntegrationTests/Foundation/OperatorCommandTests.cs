using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NgTradingBot.AppHost.Operator;
using NgTradingBot.IntegrationTests.Hosting;

namespace NgTradingBot.IntegrationTests.Foundation;

/// <summary>The dashboard's "send a test order" on Core: offered only while Core is healthy, and going through Core's validated command API.</summary>
[Collection(AppCollection.Name)]
public sealed class OperatorCommandTests(AppFixture fixture)
{
    [Fact]
    public async Task TheTestOrderCommandIsOfferedOnlyWhileCoreIsHealthy()
    {
        await fixture.App.WaitHealthyAsync("core");
        var offered = await fixture.App.WaitForStateAsync("core",
            s => s.Commands.Any(c => c.Name == TestOrderCommand.Name && c.State == ResourceCommandState.Enabled));
        var command = fixture.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == "core")
            .Annotations.OfType<ResourceCommandAnnotation>().Single(c => c.Name == TestOrderCommand.Name);

        // As when Core has crashed: not running, so not healthy.
        var whenDown = command.UpdateState(new UpdateCommandStateContext
        {
            ResourceSnapshot = offered.Snapshot with { State = KnownResourceStates.Exited },
            Services = fixture.App.Services,
        });

        Assert.Equal(HealthStatus.Healthy, offered.Snapshot.HealthStatus);
        Assert.Equal(ResourceCommandState.Hidden, whenDown);
    }

    [Fact]
    public async Task WithoutADashboardToAskTheCommandSaysSoAndSendsNothing()
    {
        await fixture.App.WaitHealthyAsync("core");

        var result = await fixture.App.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync("core", TestOrderCommand.Name);

        Assert.False(result.Success);
        Assert.Contains("dashboard", result.Message);
    }

    [Fact]
    public async Task ATestOrderGoesThroughCoresValidatedCommandApiAndIsExecuted()
    {
        const long login = 5_800_000_001;
        await using var ea = SimulatedEas.Create(fixture.App, login);
        Assert.True(await ea.InitAsync());
        Assert.True(ea.Terminal.TryGetTick("EURUSD", out var quote));
        var api = new CoreCommandApi(fixture.App.GetEndpoint("core", "http"), fixture.App.OperatorKey());

        var accounts = await api.ListActiveAccountsAsync(CancellationToken.None);
        var wrongSide = await api.CreateOpenTradeAsync(login, new
        {
            symbol = "EURUSD", order_type = "BUY", volume = TestOrderCommand.DefaultVolume,
            sl = Math.Round((decimal)quote.Ask + 0.0050m, 5), tp = Math.Round((decimal)quote.Ask - 0.0050m, 5),
        }, CancellationToken.None);
        var order = await api.CreateOpenTradeAsync(login, new
        {
            symbol = "EURUSD", order_type = "BUY", volume = TestOrderCommand.DefaultVolume,
            sl = Math.Round((decimal)quote.Ask - 0.0050m, 5), tp = Math.Round((decimal)quote.Ask + 0.0050m, 5),
            comment = "dashboard test order",
        }, CancellationToken.None);
        var executed = await SimulatedEas.PollUntilExecutedAsync(ea, order.CommandId!);

        Assert.Contains(accounts, a => a.Login == login);
        Assert.False(wrongSide.Success);
        Assert.Contains("sl below tp", wrongSide.Message);
        Assert.True(order.Success, order.Message);
        Assert.Equal("completed", executed.Status);
    }
}
