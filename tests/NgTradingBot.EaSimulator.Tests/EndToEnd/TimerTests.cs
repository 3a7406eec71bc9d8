using NgTradingBot.EaSimulator.Tests.Support;

namespace NgTradingBot.EaSimulator.Tests.EndToEnd;

public class TimerTests
{
    private static int TickCount(ReceivedRequest request) => request.Json.GetProperty("ticks").GetArrayLength();

    [Fact]
    public async Task KeepsTicksUntilTheServerAnswers200()
    {
        await using var server = await FakeEaServer.StartAsync();
        var tickPosts = 0;
        server.Responder = request => request.Path == EaRoutes.Ticks && ++tickPosts <= 2
            ? (tickPosts == 1 ? 500 : 201, "{}")
            : FakeEaServer.Default(request);
        await using var ea = new SimulatedEa(server.Options());
        await ea.InitAsync();
        server.Clear();

        await ea.TimerAsync();
        Assert.Equal(2, ea.BufferedTicks);
        await ea.TimerAsync();
        Assert.Equal(4, ea.BufferedTicks);
        await ea.TimerAsync();
        Assert.Equal(0, ea.BufferedTicks);
        await ea.TimerAsync();

        Assert.Equal([2, 4, 6, 2], server.To(EaRoutes.Ticks).Select(TickCount));
        Assert.Equal(8, ea.Statistics.Snapshot().TicksSent);
    }

    [Fact]
    public async Task SendsTicksThenPollsCommandsOnEveryTimerCall()
    {
        await using var server = await FakeEaServer.StartAsync();
        await using var ea = new SimulatedEa(server.Options());
        await ea.InitAsync();
        server.Clear();

        await ea.TimerAsync();

        Assert.Equal([EaRoutes.Ticks, EaRoutes.GetCommands], server.Paths);
        var ticks = server.Requests[0].Json;
        var first = ticks.GetProperty("ticks")[0];
        Assert.Equal(("EURUSD", 1.081, 1.08108, 1795176000L, -3600, false), (first.GetProperty("symbol").GetString(), first.GetProperty("bid").GetDouble(), first.GetProperty("ask").GetDouble(), first.GetProperty("timestamp").GetInt64(), first.GetProperty("tz_offset").GetInt32(), first.GetProperty("tradeable").GetBoolean()));
        Assert.Contains("\"spread\":0.00008,", server.Requests[0].Text, StringComparison.Ordinal);
        Assert.Equal(10000.00, ticks.GetProperty("balance").GetDouble());
        Assert.Equal($$"""{"account":12345678,"api_key":"{{FakeEaServer.Key}}"}""", server.Requests[1].Text);
    }

    [Fact]
    public async Task OnAClosedMarketTheTimerSendsTheLastQuotesAtTheFrozenTimeAndNothingMoves()
    {
        await using var server = await FakeEaServer.StartAsync();
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero));
        await using var ea = new SimulatedEa(server.Options(time));
        await ea.InitAsync();
        ea.Terminal.CloseMarket();
        var closedAt = ea.Terminal.Clock.TimeCurrent();
        server.Clear();

        var moved = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            time.Advance(TimeSpan.FromMinutes(10));
            moved.AddRange(ea.Terminal.Step());
            await ea.TimerAsync();
        }
        ea.Terminal.OpenMarket();

        var sent = server.To(EaRoutes.Ticks).SelectMany(r => r.Json.GetProperty("ticks").EnumerateArray()).ToList();
        Assert.Empty(moved);
        Assert.True(ea.Terminal.MarketOpen);
        Assert.Equal(6, sent.Count);
        Assert.All(sent, tick => Assert.Equal(closedAt, tick.GetProperty("timestamp").GetInt64()));
        Assert.Single(sent.Where(t => t.GetProperty("symbol").GetString() == "EURUSD").Select(t => t.GetProperty("bid").GetDouble()).Distinct());
        Assert.Equal(3, server.To(EaRoutes.GetCommands).Count);
        Assert.Equal(closedAt + 1800, ea.Terminal.Clock.TimeCurrent());
    }

    [Fact]
    public async Task BuffersWhileDisconnectedAndFlushesInOnePostAfterReconnecting()
    {
        await using var server = await FakeEaServer.StartAsync();
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero));
        var heartbeats = 0;
        server.Responder = request => request.Path == EaRoutes.Heartbeat && ++heartbeats == 1 ? (403, """{"message":"Invalid credentials","status":"error"}""") : FakeEaServer.Default(request);
        await using var ea = new SimulatedEa(server.Options(time));
        await ea.InitAsync();

        await ea.ChartTickAsync();
        Assert.False(ea.Connected);
        server.Clear();
        for (var i = 0; i < 3; i++)
        {
            await ea.TimerAsync();
        }
        Assert.Empty(server.Requests);
        Assert.Equal(6, ea.BufferedTicks);

        await ea.ChartTickAsync();
        Assert.Empty(server.Requests);
        time.Advance(TimeSpan.FromSeconds(2));
        await ea.ChartTickAsync();
        await ea.TimerAsync();

        Assert.Equal([EaRoutes.Connect, EaRoutes.Log, EaRoutes.Ticks, EaRoutes.GetCommands], server.Paths);
        Assert.Equal(8, TickCount(server.To(EaRoutes.Ticks)[0]));
        Assert.Equal(1, ea.Statistics.Snapshot().Reconnects);
    }

    [Fact]
    public async Task ReportsNonTradingDealsAgainAfterARestart()
    {
        await using var server = await FakeEaServer.StartAsync();
        var options = server.Options() with { TransactionCheckPeriod = 2, DepositComment = "Deposit \"welcome\" bonus" };
        await using var ea = new SimulatedEa(options);
        await ea.InitAsync();
        server.Clear();

        await ea.TimerAsync();
        Assert.Empty(server.To(EaRoutes.Transaction));
        await ea.TimerAsync();
        await ea.TimerAsync();
        await ea.TimerAsync();
        var first = Assert.Single(server.To(EaRoutes.Transaction));
        Assert.Contains("\"transaction_type\":\"BALANCE\",\"amount\":10000.00,", first.Text, StringComparison.Ordinal);
        Assert.Contains("\"comment\":\"Deposit \"welcome\" bonus\",\"balance\":10000.00}", first.Text, StringComparison.Ordinal);

        await ea.DeinitAsync();
        await ea.InitAsync();
        await ea.TimerAsync();
        await ea.TimerAsync();

        var all = server.To(EaRoutes.Transaction);
        Assert.Equal(2, all.Count);
        Assert.Equal(first.Text, all[1].Text);
    }

    [Fact]
    public async Task SyncsEveryOpenPositionOnTheSyncPeriod()
    {
        await using var server = await FakeEaServer.StartAsync();
        await using var ea = new SimulatedEa(server.Options() with { PositionSyncPeriod = 3 });
        await ea.InitAsync();
        ea.Terminal.SendMarketOrder("EURUSD", TradeSide.Buy, 0.1, 1.0795, 1.0855, FillingMode.Return);
        ea.Terminal.SendMarketOrder("XAUUSD", TradeSide.Sell, 0.02, 2660, 2600, FillingMode.Return);
        await ea.TradeEventsAsync();
        server.Clear();

        for (var i = 0; i < 3; i++)
        {
            await ea.TimerAsync();
        }

        var updates = server.To(EaRoutes.TradeUpdate);
        Assert.Equal(2, updates.Count);
        Assert.All(updates, u => Assert.Equal("open", u.Json.GetProperty("status").GetString()));
        Assert.Equal(["EURUSD", "XAUUSD"], updates.Select(u => u.Json.GetProperty("symbol").GetString()));
        Assert.Contains("\"commission\":-0.35,", updates[0].Text, StringComparison.Ordinal);
    }
}
