using NgTradingBot.EaSimulator.Tests.Support;

namespace NgTradingBot.EaSimulator.Tests.EndToEnd;

public class CommandFlowTests
{
    private static async Task<(FakeEaServer Server, SimulatedEa Ea, List<ExecutedCommand> Executed)> StartAsync(params string[] firstPollCommands)
    {
        var server = await FakeEaServer.StartAsync();
        var polls = 0;
        server.Responder = request => request.Path == EaRoutes.GetCommands && ++polls == 1
            ? (200, "{\"commands\":[" + string.Join(",", firstPollCommands) + "],\"status\":\"success\"}")
            : FakeEaServer.Default(request);
        var ea = new SimulatedEa(server.Options());
        var executed = new List<ExecutedCommand>();
        ea.CommandExecuted += executed.Add;
        await ea.InitAsync();
        server.Clear();
        return (server, ea, executed);
    }

    private static string LogMessage(ReceivedRequest request) => request.Json.GetProperty("message").GetString()!;

    private static string Describe(ReceivedRequest request) => request.Path switch
    {
        EaRoutes.Log => "log " + LogMessage(request),
        EaRoutes.TradeUpdate => "trade " + request.Json.GetProperty("status").GetString(),
        EaRoutes.CommandResponse => "response " + request.Json.GetProperty("status").GetString(),
        _ => request.Path,
    };

    [Fact]
    public async Task ExecutesPolledCommandsInOrderThenReportsTheTradeEvents()
    {
        var (server, ea, executed) = await StartAsync(
            """{"id":"c1","order_type":"BUY","sl":1.0795,"symbol":"EURUSD","tp":1.0855,"type":"OPEN_TRADE","volume":0.1}""",
            """{"id":"c2","type":"PARTIAL_CLOSE_TRADE","ticket":1,"volume":0.05}""");
        await using var _ = server;
        await using var __ = ea;

        await ea.TimerAsync();

        Assert.Equal(
            [
                EaRoutes.Ticks, EaRoutes.GetCommands,
                "log Command received", "response completed", "log Command executed successfully",
                "log Command received", "log Unknown command type",
                "trade open", "log Trade opened", "trade open", "log Trade modified", EaRoutes.ProfitUpdate,
            ],
            server.Requests.Select(Describe));
        Assert.Equal([("c1", "completed"), ("c2", "ignored")], executed.Select(e => (e.Id, e.Status)));
        var response = server.To(EaRoutes.CommandResponse)[0].Text;
        Assert.Equal($$"""{"account":12345678,"api_key":"{{FakeEaServer.Key}}","command_id":"c1","status":"completed","response":{{executed[0].ResponseJson}}}""", response);
        Assert.Equal(1, ea.Statistics.Snapshot().CommandsCompleted);
    }

    [Fact]
    public async Task ReportsATakeProfitHitAsAClosedTradeWithItsReason()
    {
        var (server, ea, executed) = await StartAsync("""{"id":"c1","order_type":"SELL","sl":1.0850,"symbol":"EURUSD","tp":1.0790,"type":"OPEN_TRADE","volume":0.2}""");
        await using var _ = server;
        await using var __ = ea;
        await ea.TimerAsync();
        var ticket = Assert.Single(ea.Terminal.Positions).Ticket;
        server.Clear();

        Assert.True(ea.Terminal.ForceStopHit(ticket, StopKind.TakeProfit));
        await ea.TradeEventsAsync();

        Assert.Equal(["trade closed", "log Trade closed", EaRoutes.ProfitUpdate], server.Requests.Select(Describe));
        var close = server.To(EaRoutes.TradeUpdate)[0].Json;
        Assert.Equal(("SELL", 0.2, 1.081, 1.079, "TP_HIT"), (close.GetProperty("direction").GetString(), close.GetProperty("volume").GetDouble(), close.GetProperty("open_price").GetDouble(), close.GetProperty("close_price").GetDouble(), close.GetProperty("close_reason").GetString()));
        Assert.Equal((0.0, 0.0, 40.0, -0.7), (close.GetProperty("sl").GetDouble(), close.GetProperty("tp").GetDouble(), close.GetProperty("profit").GetDouble(), close.GetProperty("commission").GetDouble()));
        Assert.Equal($"Ticket: {ticket}, EURUSD, Profit: 40.00, Reason: TP_HIT", server.To(EaRoutes.Log)[0].Json.GetProperty("details").GetProperty("info").GetString());
        Assert.Equal(10_000 - 0.7 - 0.7 + 40, ea.Terminal.Account.Balance, 6);
    }

    [Fact]
    public async Task UsesTheServerReasonOfATrailedPositionThatLaterHitsTakeProfit()
    {
        var (server, ea, _) = await StartAsync("""{"id":"c1","order_type":"BUY","sl":1.0795,"symbol":"EURUSD","tp":1.0855,"type":"OPEN_TRADE","volume":0.1}""");
        await using var _s = server;
        await using var _e = ea;
        await ea.TimerAsync();
        var ticket = Assert.Single(ea.Terminal.Positions).Ticket;
        server.Responder = request => request.Path == EaRoutes.GetCommands
            ? (200, $$"""{"commands":[{"id":"m1","sl":1.0805,"ticket":{{ticket}},"tp":1.0855,"trailing_stop":true,"type":"MODIFY_TRADE"}],"status":"success"}""")
            : FakeEaServer.Default(request);
        await ea.TimerAsync();
        server.Responder = FakeEaServer.Default;

        ea.Terminal.ForceStopHit(ticket, StopKind.TakeProfit);
        await ea.TradeEventsAsync();

        Assert.Equal("TRAILING_STOP", server.To(EaRoutes.TradeUpdate)[^1].Json.GetProperty("close_reason").GetString());
    }

    [Theory]
    [InlineData(StopKind.StopLoss, "SL_HIT")]
    [InlineData(null, "MANUAL")]
    public async Task DetectsStopLossAndManualCloses(StopKind? kind, string expected)
    {
        var (server, ea, _) = await StartAsync("""{"id":"c1","order_type":"BUY","sl":1.0795,"symbol":"EURUSD","tp":1.0855,"type":"OPEN_TRADE","volume":0.1}""");
        await using var _s = server;
        await using var _e = ea;
        await ea.TimerAsync();
        var ticket = Assert.Single(ea.Terminal.Positions).Ticket;

        if (kind is { } stop)
        {
            ea.Terminal.ForceStopHit(ticket, stop);
        }
        else
        {
            ea.Terminal.ClosePosition(ticket, FillingMode.Return);
        }
        await ea.TradeEventsAsync();

        Assert.Equal(expected, server.To(EaRoutes.TradeUpdate)[^1].Json.GetProperty("close_reason").GetString());
    }

    [Fact]
    public async Task CallsAPositionOpenedWhileDisconnectedUnknown()
    {
        await using var server = await FakeEaServer.StartAsync();
        var heartbeats = 0;
        server.Responder = request => request.Path == EaRoutes.Heartbeat && ++heartbeats == 1 ? (403, "{}") : FakeEaServer.Default(request);
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero));
        await using var ea = new SimulatedEa(server.Options(time));
        await ea.InitAsync();
        await ea.ChartTickAsync();
        Assert.False(ea.Connected);

        var ticket = ea.Terminal.SendMarketOrder("EURUSD", TradeSide.Buy, 0.1, 1.0795, 1.0855, FillingMode.Return).Order;
        await ea.TradeEventsAsync();
        time.Advance(TimeSpan.FromSeconds(2));
        await ea.ChartTickAsync();
        Assert.True(ea.Connected);
        server.Clear();
        ea.Terminal.ForceStopHit(ticket, StopKind.TakeProfit);
        await ea.TradeEventsAsync();

        Assert.Equal("UNKNOWN", server.To(EaRoutes.TradeUpdate)[0].Json.GetProperty("close_reason").GetString());
    }

    [Fact]
    public async Task TracksThePositionsItFindsAtInit()
    {
        await using var server = await FakeEaServer.StartAsync();
        await using var ea = new SimulatedEa(server.Options());
        var ticket = ea.Terminal.SendMarketOrder("EURUSD", TradeSide.Buy, 0.1, 1.0795, 1.0855, FillingMode.Return).Order;
        await ea.TradeEventsAsync();
        Assert.Empty(server.Requests);

        await ea.InitAsync();
        server.Clear();
        ea.Terminal.ForceStopHit(ticket, StopKind.StopLoss);
        await ea.TradeEventsAsync();

        Assert.Equal("SL_HIT", server.To(EaRoutes.TradeUpdate)[0].Json.GetProperty("close_reason").GetString());
    }
}
