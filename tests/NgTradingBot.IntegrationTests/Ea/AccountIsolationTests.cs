using NgTradingBot.EaSimulator;
using NgTradingBot.IntegrationTests.Hosting;

namespace NgTradingBot.IntegrationTests.Ea;

/// <summary>An EA can only ever read or change its own account's data and commands.</summary>
[Collection(AppCollection.Name)]
public sealed class AccountIsolationTests(AppFixture fixture)
{
    [Fact]
    public async Task ASecondEaCannotSeeOrChangeTheFirstOnesCommandsOrData()
    {
        const long first = 5_200_000_001, second = 5_200_000_002;
        await using var probe = new SystemProbe(fixture.App);
        using var wire = new EaWire(fixture.App);
        await using var eaA = SimulatedEas.Create(fixture.App, first);
        await using var eaB = SimulatedEas.Create(fixture.App, second);
        Assert.True(await eaA.InitAsync());
        Assert.True(await eaB.InitAsync());
        Assert.True(eaA.Terminal.TryGetTick("EURUSD", out var quote));
        var commandOfA = await SimulatedEas.CreateCommandAsync(fixture.App, first, "OPEN_TRADE", new
        {
            symbol = "EURUSD", order_type = "BUY", volume = 0.01m,
            sl = Math.Round((decimal)quote.Ask - 0.01m, 5), tp = Math.Round((decimal)quote.Ask + 0.01m, 5),
        });

        // B polls many times and never receives A's command.
        var executedByB = new List<ExecutedCommand>();
        eaB.CommandExecuted += executedByB.Add;
        for (var i = 0; i < 20; i++)
        {
            await eaB.TimerAsync();
        }
        Assert.Empty(executedByB);

        // B cannot answer A's command, nor act as A with its own key.
        var answer = await wire.PostAsync("command", "/api/command_response",
            EaRequestBodies.CommandResponse(second, eaB.ApiKey, commandOfA, "failed", "{\"error\":\"hijacked\"}"));
        Assert.Equal(404, answer.Status);
        Assert.Equal(401, (await wire.PostAsync("command", "/api/get_commands", EaRequestBodies.AccountAndKey(first, eaB.ApiKey))).Status);
        Assert.Equal(401, (await wire.PostAsync("command", "/api/command_response",
            EaRequestBodies.CommandResponse(first, eaB.ApiKey, commandOfA, "failed", "{\"error\":\"hijacked\"}"))).Status);
        Assert.Equal(403, (await wire.PostAsync("command", "/api/heartbeat",
            EaRequestBodies.Heartbeat(first, eaB.ApiKey, 1730709002, new AccountSnapshot(1, 1, 0, 1), ProfitWindows.Zero))).Status);
        Assert.Equal(401, (await wire.PostAsync("trades", "/api/trades/update", EaRequestBodies.TradeUpdate(first, eaB.ApiKey,
            new TradeUpdate(999, "EURUSD", "BUY", 1, 1.1, 1730709010, 0, 0, 1.0, 1.2, 0, 0, 0, "open", "")))).Status);

        // A still gets its command, exactly once, and its result is A's.
        var executed = await SimulatedEas.PollUntilExecutedAsync(eaA, commandOfA);
        Assert.Equal("completed", executed.Status);
        Assert.Equal("COMPLETED", await probe.EventuallyAsync<string>("SELECT status FROM commands WHERE id = $1 AND status = 'COMPLETED'", commandOfA));
        Assert.Equal(0L, await probe.ScalarAsync<long>(
            "SELECT count(*) FROM trades t JOIN accounts a ON a.id = t.account_id WHERE a.login = $1 AND t.ticket = 999", first));
        Assert.Equal(0L, await probe.ScalarAsync<long>(
            "SELECT count(*) FROM trades t JOIN accounts a ON a.id = t.account_id WHERE a.login = $1", second));
    }
}
