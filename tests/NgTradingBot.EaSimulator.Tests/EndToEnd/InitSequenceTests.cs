using NgTradingBot.EaSimulator.Tests.Support;

namespace NgTradingBot.EaSimulator.Tests.EndToEnd;

public class InitSequenceTests
{
    [Fact]
    public async Task SendsTheOnInitRequestsInTheEasOrder()
    {
        await using var server = await FakeEaServer.StartAsync();
        server.Responder = request => request.Path == EaRoutes.Coverage && !request.Text.Contains("\"EURUSD\",\"timeframe\":\"H1\"", StringComparison.Ordinal)
            ? (200, """{"coverage_percent":40.0,"needs_update":true,"status":"success"}""")
            : FakeEaServer.Default(request);
        await using var ea = new SimulatedEa(server.Options());

        Assert.True(await ea.InitAsync());

        Assert.Equal(
            [
                EaRoutes.Connect, EaRoutes.Log, EaRoutes.Symbols, EaRoutes.SymbolSpecs,
                EaRoutes.Coverage, EaRoutes.Coverage, EaRoutes.Historical,
                EaRoutes.Coverage, EaRoutes.Historical, EaRoutes.Coverage, EaRoutes.Historical,
            ],
            server.Paths);
        Assert.Equal(FakeEaServer.Key, ea.ApiKey);
        Assert.Equal(["EURUSD", "XAUUSD"], ea.Symbols);
    }

    [Fact]
    public async Task ShapesEachOnInitRequestLikeTheEa()
    {
        await using var server = await FakeEaServer.StartAsync();
        server.Responder = request => request.Path == EaRoutes.Coverage ? (500, "") : FakeEaServer.Default(request);
        var options = server.Options() with { Broker = "Société \"Générale\"" };
        await using var ea = new SimulatedEa(options);

        await ea.InitAsync();

        var requests = server.Requests;
        Assert.All(requests, r => Assert.Equal("application/json", r.ContentType));
        Assert.All(requests, r => Assert.Equal(r.Path is EaRoutes.SymbolSpecs or EaRoutes.Coverage or EaRoutes.Historical ? FakeEaServer.Key : null, r.ApiKeyHeader));

        var connect = requests[0];
        Assert.StartsWith("{\"account\":12345678,\"broker\":\"Soci\u00e9t\u00e9 \"G\u00e9n\u00e9rale\"\",\"platform\":\"MT5\",\"timestamp\":1795176000,", connect.Text, StringComparison.Ordinal);
        Assert.Contains((byte)0xE9, connect.Body);
        Assert.DoesNotContain("api_key", connect.Text, StringComparison.Ordinal);

        Assert.Equal($$$"""{"account":12345678,"api_key":"{{{FakeEaServer.Key}}}","level":"INFO","message":"EA connected to server","details":{"info":"Account: 12345678, Server: {{{server.BaseUrl}}}"}}""", requests[1].Text);
        Assert.Contains("\"contract_size\":100000.00}", server.To(EaRoutes.SymbolSpecs)[0].Text, StringComparison.Ordinal);
        Assert.Equal("""{"symbol":"EURUSD","timeframe":"H1","required_bars":168}""", server.To(EaRoutes.Coverage)[0].Text);

        var history = server.To(EaRoutes.Historical);
        Assert.Equal(4, history.Count);
        var h4 = history[1].Json;
        Assert.Equal("H4", h4.GetProperty("timeframe").GetString());
        Assert.False(h4.TryGetProperty("api_key", out _));
        var times = h4.GetProperty("candles").EnumerateArray().Select(c => c.GetProperty("timestamp").GetInt64()).ToList();
        Assert.Equal(84, times.Count);
        Assert.Equal(times.Order(), times);
    }

    [Fact]
    public async Task AFailedFirstConnectSkipsEverythingAndLeavesNoSymbols()
    {
        await using var server = await FakeEaServer.StartAsync();
        var connects = 0;
        server.Responder = request => request.Path == EaRoutes.Connect && ++connects == 1 ? (503, "") : FakeEaServer.Default(request);
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero));
        await using var ea = new SimulatedEa(server.Options(time));

        Assert.False(await ea.InitAsync());
        await ea.TimerAsync();
        Assert.Equal([EaRoutes.Connect], server.Paths);

        await ea.ChartTickAsync();
        await ea.TimerAsync();

        Assert.True(ea.Connected);
        Assert.Empty(ea.Symbols);
        Assert.Equal([EaRoutes.Connect, EaRoutes.Connect, EaRoutes.Log, EaRoutes.GetCommands], server.Paths);
        Assert.Contains("\"message\":\"EA reconnected to server\",\"details\":{\"info\":\"Connection restored\"}", server.To(EaRoutes.Log)[0].Text, StringComparison.Ordinal);
    }
}
