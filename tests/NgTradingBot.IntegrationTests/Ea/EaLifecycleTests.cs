using System.Text.Json;
using NgTradingBot.EaSimulator;
using NgTradingBot.IntegrationTests.Hosting;

namespace NgTradingBot.IntegrationTests.Ea;

/// <summary>The deployed EA's whole life against the real composition, driven step by step through the simulator.</summary>
[Collection(AppCollection.Name)]
public sealed class EaLifecycleTests(AppFixture fixture)
{
    [Fact]
    public async Task ConnectTicksHeartbeatCommandExecutionTradeAndLogsAreAllStored()
    {
        const long login = 5_100_000_001; // above 2^32, as real logins can be
        await using var probe = new SystemProbe(fixture.App);
        await using var ea = SimulatedEas.Create(fixture.App, login);

        // connect -> key -> symbols (+ specs, coverage, history)
        Assert.True(await ea.InitAsync());
        Assert.True(ea.Connected);
        Assert.Matches("^[A-Za-z0-9_-]{32,}$", ea.ApiKey);
        Assert.Equal(["EURUSD", "GBPUSD", "XAUUSD"], ea.Symbols);

        // ticks -> stored
        await ea.TimerAsync();
        Assert.Equal(0, ea.BufferedTicks);
        Assert.True(await probe.EventuallyAsync<long>(
            "SELECT count(*) FROM ticks t JOIN accounts a ON a.id = t.account_id WHERE a.login = $1", login) >= 1);

        // heartbeat -> stored
        await ea.ChartTickAsync();
        Assert.True(await probe.EventuallyAsync<long>(
            "SELECT c.heartbeat_count FROM connections c JOIN accounts a ON a.id = c.account_id WHERE a.login = $1", login) >= 1);
        Assert.Equal(10000.00m, await probe.EventuallyAsync<decimal>("SELECT balance FROM accounts WHERE login = $1", login));

        // command -> delivered -> executed -> response recorded
        Assert.True(ea.Terminal.TryGetTick("EURUSD", out var quote));
        var commandId = await SimulatedEas.CreateCommandAsync(fixture.App, login, "OPEN_TRADE", new
        {
            symbol = "EURUSD", order_type = "BUY", volume = 0.10m,
            sl = Math.Round((decimal)quote.Ask - 0.0050m, 5), tp = Math.Round((decimal)quote.Ask + 0.0050m, 5),
            comment = "lifecycle test",
        });
        var executed = await SimulatedEas.PollUntilExecutedAsync(ea, commandId);
        Assert.Equal("completed", executed.Status);
        var ticket = JsonDocument.Parse(executed.ResponseJson).RootElement.GetProperty("ticket").GetInt64();
        Assert.True(ticket > uint.MaxValue, "tickets are 64-bit");

        Assert.Equal("COMPLETED", await probe.EventuallyAsync<string>("SELECT status FROM commands WHERE id = $1 AND status IN ('COMPLETED', 'FAILED')", commandId));
        Assert.Equal(ticket, await probe.ScalarAsync<long>("SELECT ticket FROM commands WHERE id = $1", commandId));
        var history = await probe.RowsAsync("SELECT to_status FROM command_events WHERE command_id = $1 ORDER BY id", commandId);
        Assert.Equal(["PENDING", "DELIVERED", "COMPLETED"], history.Select(r => (string)r["to_status"]!));

        // trade update -> stored and linked to its command
        Assert.Equal(commandId, await probe.EventuallyAsync<string>(
            "SELECT t.command_id FROM trades t JOIN accounts a ON a.id = t.account_id WHERE a.login = $1 AND t.ticket = $2", login, ticket));
        Assert.Equal("open", await probe.ScalarAsync<string>("SELECT t.status FROM trades t JOIN accounts a ON a.id = t.account_id WHERE a.login = $1 AND t.ticket = $2", login, ticket));

        // logs -> stored
        Assert.True(await probe.EventuallyAsync<long>(
            "SELECT count(*) FROM ea_logs l JOIN accounts a ON a.id = l.account_id WHERE a.login = $1 AND l.message = 'Trade opened'", login) >= 1);
        Assert.True(await probe.ScalarAsync<long>(
            "SELECT count(*) FROM ea_logs l JOIN accounts a ON a.id = l.account_id WHERE a.login = $1 AND l.message = 'EA connected to server'", login) >= 1);
    }

    [Fact]
    public async Task PositionsReportedWhileTheirAnswersAreStoredAreAllLinkedToTheirCommands()
    {
        // The EA reports the deal (data lane) and answers the command (command lane) back to back, and Core stores
        // the two lanes in concurrent transactions: each must not miss the other's row.
        const long login = 5_100_000_004;
        const int orders = 40;
        using var wire = new EaWire(fixture.App);
        await using var probe = new SystemProbe(fixture.App);
        var key = await wire.ConnectAsync(login);
        var created = new List<string>();
        for (var i = 0; i < orders; i++)
        {
            created.Add(await SimulatedEas.CreateCommandAsync(fixture.App, login, "OPEN_TRADE",
                new { symbol = "EURUSD", order_type = "BUY", volume = 0.01m, sl = 1.0m, tp = 1.2m }));
        }
        var delivered = new List<string>();
        while (delivered.Count < orders)
        {
            delivered.AddRange(await wire.PollUntilCommandsAsync(login, key));
        }

        var openTime = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 7200;
        var replies = await Task.WhenAll(delivered.Select((wireId, i) => (WireId: wireId, Ticket: 7_700_000_000L + i)).SelectMany(order => new[]
        {
            wire.PostAsync("trades", "/api/trades/update", EaRequestBodies.TradeUpdate(login, key,
                new TradeUpdate((ulong)order.Ticket, "EURUSD", "BUY", 0.01, 1.1, openTime, 0, 0, 1.0, 1.2, 0, 0, 0, "open", ""))),
            wire.PostAsync("command", "/api/command_response", EaRequestBodies.CommandResponse(login, key, order.WireId, EaCommandResponses.Completed,
                EaCommandResponses.OpenCompleted((ulong)order.Ticket, 1.1, 0.01, 1.0, 1.2, tpslVerified: true))),
        }));

        Assert.All(replies, reply => Assert.Equal(200, reply.Status));
        Assert.Equal(orders, await probe.EventuallyAsync<long>(
            "SELECT count(*) FROM commands c JOIN accounts a ON a.id = c.account_id WHERE a.login = $1 AND c.status = 'COMPLETED' HAVING count(*) = $2",
            login, (long)orders));
        await probe.WaitForIngestDrainedAsync();
        var unlinked = await probe.RowsAsync("""
            SELECT t.ticket FROM trades t JOIN accounts a ON a.id = t.account_id
             WHERE a.login = $1 AND (t.command_id IS NULL OR t.command_id <> (SELECT c.id FROM commands c WHERE c.account_id = t.account_id AND c.ticket = t.ticket))
            """, login);
        Assert.Empty(unlinked.Select(r => (long)r["ticket"]!));
        Assert.Equal(orders, await probe.ScalarAsync<long>("SELECT count(*) FROM trades t JOIN accounts a ON a.id = t.account_id WHERE a.login = $1", login));
    }

    [Fact]
    public async Task AClosedPositionIsStoredWithItsReasonAndKeepsItsStops()
    {
        const long login = 5_100_000_002;
        await using var probe = new SystemProbe(fixture.App);
        await using var ea = SimulatedEas.Create(fixture.App, login);
        Assert.True(await ea.InitAsync());
        Assert.True(ea.Terminal.TryGetTick("EURUSD", out var quote));
        var open = await SimulatedEas.CreateCommandAsync(fixture.App, login, "OPEN_TRADE", new
        {
            symbol = "EURUSD", order_type = "SELL", volume = 0.20m,
            sl = Math.Round((decimal)quote.Bid + 0.0040m, 5), tp = Math.Round((decimal)quote.Bid - 0.0040m, 5),
        });
        var ticket = JsonDocument.Parse((await SimulatedEas.PollUntilExecutedAsync(ea, open)).ResponseJson).RootElement.GetProperty("ticket").GetInt64();
        await probe.EventuallyAsync<long>("SELECT count(*) FROM trades t JOIN accounts a ON a.id = t.account_id WHERE a.login = $1 AND t.ticket = $2", login, ticket);

        var close = await SimulatedEas.CreateCommandAsync(fixture.App, login, "CLOSE_TRADE", new { ticket, reason = "TIME_EXIT" });
        Assert.Equal("completed", (await SimulatedEas.PollUntilExecutedAsync(ea, close)).Status);

        var row = await probe.EventuallyAsync<string>(
            "SELECT t.close_reason FROM trades t JOIN accounts a ON a.id = t.account_id WHERE a.login = $1 AND t.ticket = $2 AND t.status = 'closed'", login, ticket);
        Assert.Equal("TIME_EXIT", row);
        // The EA's CLOSE update carries sl/tp = 0; the stored stops must survive it.
        Assert.Equal(Math.Round((decimal)quote.Bid + 0.0040m, 5), await probe.ScalarAsync<decimal>(
            "SELECT t.sl FROM trades t JOIN accounts a ON a.id = t.account_id WHERE a.login = $1 AND t.ticket = $2", login, ticket));
    }

    [Fact]
    public async Task TheDisconnectingLogMarksTheConnectionDisconnected()
    {
        const long login = 5_100_000_003;
        await using var probe = new SystemProbe(fixture.App);
        await using var ea = SimulatedEas.Create(fixture.App, login);
        Assert.True(await ea.InitAsync());
        await ea.TimerAsync();
        await probe.EventuallyAsync<string>("SELECT c.state FROM connections c JOIN accounts a ON a.id = c.account_id WHERE a.login = $1 AND c.state = 'connected'", login);

        await ea.DeinitAsync();

        Assert.Equal("disconnected", await probe.EventuallyAsync<string>(
            "SELECT c.state FROM connections c JOIN accounts a ON a.id = c.account_id WHERE a.login = $1 AND c.state = 'disconnected'", login));
    }
}
