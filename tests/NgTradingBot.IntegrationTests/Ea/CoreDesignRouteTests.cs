using NgTradingBot.EaSimulator;
using NgTradingBot.IntegrationTests.Hosting;

namespace NgTradingBot.IntegrationTests.Ea;

/// <summary>The seeds' core-design routes (contract section 12) that newer clients use beside the legacy ones.</summary>
[Collection(AppCollection.Name)]
public sealed class CoreDesignRouteTests(AppFixture fixture)
{
    private static string Trade(long ticket, string sl) =>
        $"{{\"ticket\":{ticket},\"symbol\":\"EURUSD\",\"direction\":\"BUY\",\"volume\":0.10,\"open_price\":1.08123,\"open_time\":1730709010,\"sl\":{sl},\"tp\":1.08550,\"profit\":-0.80,\"swap\":0.00,\"commission\":-0.35}}";

    [Fact]
    public async Task TradesSyncReconcilesToTheFullListAndReportsWhatChanged()
    {
        const long login = 5_500_000_001;
        using var wire = new EaWire(fixture.App);
        await using var probe = new SystemProbe(fixture.App);
        var key = await wire.ConnectAsync(login);
        string Sync(params string[] trades) => $"{{\"account\":{login},\"api_key\":\"{key}\",\"trades\":[{string.Join(',', trades)}]}}";

        var first = (await wire.PostAsync("trades", "/api/trades/sync", Sync(Trade(71, "1.07950"), Trade(72, "1.07950")))).Json;
        var second = (await wire.PostAsync("trades", "/api/trades/sync", Sync(Trade(71, "1.07990")))).Json;
        var empty = (await wire.PostAsync("trades", "/api/trades/sync", Sync())).Json;

        Assert.Equal((2, 0, 0), (first.GetProperty("inserted").GetInt32(), first.GetProperty("updated").GetInt32(), first.GetProperty("closed").GetInt32()));
        Assert.Equal((0, 1, 1), (second.GetProperty("inserted").GetInt32(), second.GetProperty("updated").GetInt32(), second.GetProperty("closed").GetInt32()));
        Assert.Equal("72", second.GetProperty("closed_tickets").GetString());
        // An empty list is what an EA starting up sends: it closes nothing.
        Assert.True(empty.GetProperty("guarded").GetBoolean());
        Assert.Equal(0, empty.GetProperty("closed").GetInt32());
        var rows = await probe.RowsAsync("SELECT t.ticket, t.status, t.sl, t.close_reason FROM trades t JOIN accounts a ON a.id = t.account_id WHERE a.login = $1 ORDER BY t.ticket", login);
        Assert.Equal(["open", "closed"], rows.Select(r => (string)r["status"]!));
        Assert.Equal(1.07990m, rows[0]["sl"]);
        Assert.Equal("SYNC_RECONCILIATION", rows[1]["close_reason"]);
    }

    [Fact]
    public async Task DisconnectTicksBatchAndStatusWork()
    {
        const long login = 5_500_000_002;
        using var wire = new EaWire(fixture.App);
        await using var probe = new SystemProbe(fixture.App);
        var key = await wire.ConnectAsync(login);

        var ticks = await wire.PostAsync("ticks", "/api/ticks/batch", EaRequestBodies.Ticks(login, key,
            [new TickSample("EURUSD", 1.08112, 1.08120, 0, 1730709012, -3600, false)], [], new AccountSnapshot(1000, 1000, 0, 1000), ProfitWindows.Zero));
        await probe.WaitForIngestDrainedAsync();
        var disconnect = await wire.PostAsync("command", "/api/disconnect", EaRequestBodies.AccountAndKey(login, key));
        var status = await wire.SendAsync(HttpMethod.Get, "command", "/api/status", null);

        Assert.Equal(200, ticks.Status);
        Assert.Equal(200, disconnect.Status);
        Assert.Equal("disconnected", await probe.EventuallyAsync<string>(
            "SELECT c.state FROM connections c JOIN accounts a ON a.id = c.account_id WHERE a.login = $1 AND c.state = 'disconnected'", login));
        Assert.Equal(1L, await probe.ScalarAsync<long>("SELECT count(*) FROM ticks t JOIN accounts a ON a.id = t.account_id WHERE a.login = $1", login));
        Assert.Equal(200, status.Status);
        Assert.Equal("success", status.Json.GetProperty("status").GetString());
        Assert.DoesNotContain(key, status.Body);
    }
}
