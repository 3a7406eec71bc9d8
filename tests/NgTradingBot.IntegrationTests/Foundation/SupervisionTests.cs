using System.Diagnostics;
using NgTradingBot.AppHost.Hosting.Resources;
using NgTradingBot.IntegrationTests.Hosting;

namespace NgTradingBot.IntegrationTests.Foundation;

[Collection(AppCollection.Name)]
public sealed class SupervisionTests(AppFixture fixture)
{
    [Theory]
    [InlineData("core")]
    [InlineData("gateway")]
    public async Task AKilledServiceIsRestartedAndHealthyAgain(string name)
    {
        await fixture.App.WaitForResourceHealthyAsync(name);
        var resource = fixture.App.GetResource(name);
        var restartsBefore = resource.RestartCount;
        var pidBefore = resource.ProcessId!.Value;

        Process.GetProcessById(pidBefore).Kill();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (resource.RestartCount == restartsBefore || resource.ProcessId is null || resource.ProcessId == pidBefore)
        {
            await Task.Delay(50, timeout.Token);
        }
        await fixture.App.WaitForResourceHealthyAsync(name);

        Assert.Equal(restartsBefore + 1, resource.RestartCount);
        Assert.NotEqual(pidBefore, resource.ProcessId);
        Assert.Equal(ResourceState.Running, resource.State);
    }
}
