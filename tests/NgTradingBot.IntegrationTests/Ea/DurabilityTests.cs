using System.Diagnostics;
using NgTradingBot.EaSimulator;
using NgTradingBot.IntegrationTests.Hosting;

namespace NgTradingBot.IntegrationTests.Ea;

/// <summary>200 means durable: what the gateway acknowledged is stored exactly once, even if Core is killed meanwhile.</summary>
[Collection(AppCollection.Name)]
public sealed class DurabilityTests(AppFixture fixture)
{
    [Fact]
    public async Task AcknowledgedDataSurvivesCoreBeingKilledWhileStoringItAndIsStoredOnce()
    {
        const long login = 5_400_000_001;
        using var wire = new EaWire(fixture.App);
        await using var probe = new SystemProbe(fixture.App);
        var key = await wire.ConnectAsync(login);
        var ticks = Enumerable.Range(0, 60_000).Select(i =>
            new TickSample($"S{i % 6}", 1.0 + i * 0.00001, 1.0 + i * 0.00001 + 0.0001, 0, 1730709000 + i / 100, -3600, false)).ToList();
        var account = new AccountSnapshot(10000, 10000, 0, 10000);

        var acknowledged = new List<int>();
        for (var batch = 0; batch < 6; batch++)
        {
            var body = EaRequestBodies.Ticks(login, key, ticks.Skip(batch * 10_000).Take(10_000), [], account, ProfitWindows.Zero);
            acknowledged.Add((await wire.PostAsync("ticks", "/api/ticks", body)).Status);
        }
        // Killed right after the hand-off, usually while it is storing those 60 000 ticks.
        var exited = fixture.App.WaitForStateAsync("core", s => s.State?.Text is { } state && KnownResourceStates.TerminalStates.Contains(state));
        Process.GetProcessById(fixture.App.ServicePid("core", "NgTradingBot.Core")!.Value).Kill();
        // While Core is down the gateway still acknowledges: the data waits in Redis.
        for (var i = 0; i < 20; i++)
        {
            acknowledged.Add((await wire.PostAsync("command", "/api/transaction",
                EaRequestBodies.Transaction(login, key, (ulong)(800_000 + i), "BALANCE", 10, 1729000000 + i, "while core was down", 10000))).Status);
        }

        // The AppHost starts the killed Core again; it then stores what waited in Redis.
        await exited;
        await fixture.App.WaitForStateAsync("core", s => s.State?.Text == KnownResourceStates.Running);
        await fixture.App.WaitHealthyAsync("core", TimeSpan.FromMinutes(2));
        await probe.WaitForIngestDrainedAsync();

        Assert.All(acknowledged, status => Assert.Equal(200, status));
        Assert.Equal(60_000L, await probe.ScalarAsync<long>(
            "SELECT count(*) FROM ticks t JOIN accounts a ON a.id = t.account_id WHERE a.login = $1", login));
        Assert.Equal(20L, await probe.ScalarAsync<long>(
            "SELECT count(*) FROM account_transactions t JOIN accounts a ON a.id = t.account_id WHERE a.login = $1", login));
    }
}
