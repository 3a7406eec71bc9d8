using NgTradingBot.EaSimulator.Tests.Support;

namespace NgTradingBot.EaSimulator.Tests.EndToEnd;

public class HeartbeatTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private static async Task<(FakeEaServer, SimulatedEa, ManualTimeProvider)> StartAsync(Func<ReceivedRequest, (int, string)?> heartbeat)
    {
        var server = await FakeEaServer.StartAsync();
        server.Responder = request => (request.Path == EaRoutes.Heartbeat ? heartbeat(request) : null) ?? FakeEaServer.Default(request);
        var time = new ManualTimeProvider(Start);
        var ea = new SimulatedEa(server.Options(time));
        await ea.InitAsync();
        server.Clear();
        return (server, ea, time);
    }

    [Fact]
    public async Task SendsAtMostOneHeartbeatPerIntervalOfBrokerTime()
    {
        var (server, ea, time) = await StartAsync(_ => null);
        await using var _s = server;
        await using var _e = ea;

        await ea.ChartTickAsync();
        await ea.ChartTickAsync();
        time.Advance(TimeSpan.FromSeconds(1));
        await ea.ChartTickAsync();
        time.Advance(TimeSpan.FromSeconds(1));
        await ea.ChartTickAsync();

        var heartbeats = server.To(EaRoutes.Heartbeat);
        Assert.Equal(2, heartbeats.Count);
        var body = heartbeats[0].Json;
        Assert.Equal(15, body.EnumerateObject().Count());
        Assert.Equal((10000.0, 10000.0, 0.0), (body.GetProperty("balance").GetDouble(), body.GetProperty("deposits_year").GetDouble(), body.GetProperty("profit_year").GetDouble()));
        Assert.Equal(0.0, body.GetProperty("deposits_today").GetDouble());
    }

    [Fact]
    public async Task A403DisconnectsAndTheNextSlotReconnectsWithTheNewKey()
    {
        var (server, ea, time) = await StartAsync(_ => null);
        await using var _s = server;
        await using var _e = ea;
        var count = 0;
        server.Responder = request => request switch
        {
            { Path: EaRoutes.Heartbeat } when ++count == 1 => (403, """{"message":"Invalid credentials","status":"error"}"""),
            { Path: EaRoutes.Connect } => (200, """{"api_key":"fresh_key","status":"success"}"""),
            _ => FakeEaServer.Default(request),
        };

        await ea.ChartTickAsync();
        time.Advance(TimeSpan.FromSeconds(2));
        await ea.ChartTickAsync();
        time.Advance(TimeSpan.FromSeconds(2));
        await ea.ChartTickAsync();

        Assert.Equal([EaRoutes.Heartbeat, EaRoutes.Log, EaRoutes.Connect, EaRoutes.Log, EaRoutes.Heartbeat], server.Paths);
        Assert.Contains("\"level\":\"ERROR\",\"message\":\"Authentication failed\",\"details\":{\"info\":\"API key may be invalid\"}", server.Requests[1].Text, StringComparison.Ordinal);
        Assert.Equal("fresh_key", ea.ApiKey);
        Assert.Contains("\"api_key\":\"fresh_key\"", server.Requests[4].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherFailuresOnlyWarn()
    {
        var (server, ea, _) = await StartAsync(_ => (500, "oops"));
        await using var _s = server;
        await using var _e = ea;

        await ea.ChartTickAsync();

        Assert.True(ea.Connected);
        Assert.Contains("\"level\":\"WARNING\",\"message\":\"Heartbeat failed\",\"details\":{\"info\":\"HTTP code: 500\"}", server.To(EaRoutes.Log)[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANewSymbolGetsItsSpecAndHistory()
    {
        var (server, ea, _) = await StartAsync(_ => (200, """{"status":"success","symbols":["EURUSD","XAUUSD","GBPUSD"]}"""));
        await using var _s = server;
        await using var _e = ea;

        await ea.ChartTickAsync();

        Assert.Equal([EaRoutes.Heartbeat, EaRoutes.Log, EaRoutes.SymbolSpecs, EaRoutes.Historical, EaRoutes.Historical], server.Paths);
        Assert.Contains("\"message\":\"Symbol subscribed\",\"details\":{\"info\":\"New symbol added: GBPUSD\"}", server.Requests[1].Text, StringComparison.Ordinal);
        var spec = server.Requests[2].Text;
        Assert.Contains("\"symbol\":\"GBPUSD\"", spec, StringComparison.Ordinal);
        Assert.DoesNotContain("contract_size", spec, StringComparison.Ordinal);
        Assert.Equal(["H1", "H4"], server.To(EaRoutes.Historical).Select(r => r.Json.GetProperty("timeframe").GetString()));
        Assert.Equal(["EURUSD", "XAUUSD", "GBPUSD"], ea.Symbols);
    }

    [Fact]
    public async Task ExecutesCommandsCarriedByAHeartbeat()
    {
        var (server, ea, _) = await StartAsync(_ => (200, """{"commands":[{"id":"h1","type":"CLOSE_TRADE","ticket":99,"reason":"EMERGENCY_CLOSE"}],"status":"success"}"""));
        await using var _s = server;
        await using var _e = ea;

        await ea.ChartTickAsync();

        Assert.Contains("\"command_id\":\"h1\",\"status\":\"failed\",\"response\":{\"error\":\"Position 99 not found\"}}", Assert.Single(server.To(EaRoutes.CommandResponse)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AShrunkSymbolListUnloadsTheEa()
    {
        var (server, ea, _) = await StartAsync(_ => (200, """{"status":"success","symbols":["XAUUSD"]}"""));
        await using var _s = server;
        await using var _e = ea;

        await Assert.ThrowsAsync<EaRuntimeException>(() => ea.ChartTickAsync());

        Assert.NotNull(ea.CrashReason);
        Assert.False(ea.Connected);
        await Assert.ThrowsAsync<EaRuntimeException>(() => ea.TimerAsync());
    }

    [Fact]
    public async Task AnEaWhoseStartUpSymbolRequestFailedStreamsOnlyOnceAHeartbeatBringsItsList()
    {
        await using var server = await FakeEaServer.StartAsync();
        var time = new ManualTimeProvider(Start);
        await using var ea = new SimulatedEa(server.Options(time) with
        {
            Faults = new EaFaults(FailFirst: new Dictionary<string, int> { [EaRoutes.Symbols] = 1 }),
        });

        Assert.True(await ea.InitAsync());
        await ea.TimerAsync();

        Assert.Empty(server.To(EaRoutes.Symbols));
        Assert.Empty(ea.Symbols);
        Assert.Empty(server.To(EaRoutes.Ticks));

        server.Responder = request => request.Path == EaRoutes.Heartbeat
            ? (200, """{"status":"success","symbols":["EURUSD","XAUUSD"]}""")
            : FakeEaServer.Default(request);
        await ea.ChartTickAsync();
        await ea.TimerAsync();

        Assert.Equal(["EURUSD", "XAUUSD"], ea.Symbols);
        var batch = Assert.Single(server.To(EaRoutes.Ticks)).Text;
        Assert.Contains("\"symbol\":\"EURUSD\"", batch, StringComparison.Ordinal);
        Assert.Contains("\"symbol\":\"XAUUSD\"", batch, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AListAndCommandsInOneAnswerRunTheListsUploadsFirst()
    {
        var (server, ea, _) = await StartAsync(_ => (200,
            """{"status":"success","commands":[{"id":"h2","type":"CLOSE_TRADE","ticket":99,"reason":"EMERGENCY_CLOSE"}],"symbols":["EURUSD","XAUUSD","GBPUSD"]}"""));
        await using var _s = server;
        await using var _e = ea;

        await ea.ChartTickAsync();

        var paths = server.Paths.ToList();
        Assert.True(paths.LastIndexOf(EaRoutes.Historical) < paths.IndexOf(EaRoutes.CommandResponse),
            "the new symbol's spec and history go out before the command runs");
        Assert.Contains(EaRoutes.SymbolSpecs, paths);
    }
}
