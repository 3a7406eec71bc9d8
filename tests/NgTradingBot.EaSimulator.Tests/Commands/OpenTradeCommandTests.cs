using NgTradingBot.EaSimulator.Tests.Support;

namespace NgTradingBot.EaSimulator.Tests.Commands;

/// <summary>EURUSD quotes 1.08100 / 1.08108 in every test.</summary>
public class OpenTradeCommandTests
{
    private static string Open(string orderType = "BUY", string sl = "1.0795", string tp = "1.0855", string symbol = "EURUSD", string extra = "") =>
        $$"""{"id":"c1","type":"OPEN_TRADE","symbol":"{{symbol}}","order_type":"{{orderType}}","volume":0.1,"sl":{{sl}},"tp":{{tp}}{{extra}}}""";

    [Theory]
    [InlineData("BUY", "1.0820", "1.0855", """{"error":"Invalid SL: 1.08200 >= Price: 1.08108 (BUY)","error_code":130}""")]
    [InlineData("BUY", "1.0795", "1.0800", """{"error":"Invalid TP: 1.08000 <= Price: 1.08108 (BUY)","error_code":130}""")]
    [InlineData("SELL", "1.0800", "1.0790", """{"error":"Invalid SL: 1.08000 <= Price: 1.08100 (SELL)","error_code":130}""")]
    [InlineData("SELL", "1.0850", "1.0820", """{"error":"Invalid TP: 1.08200 >= Price: 1.08100 (SELL)","error_code":130}""")]
    [InlineData("buy", "1.0795", "1.0855", """{"error":"Invalid order type"}""")]
    [InlineData("BUY", "0", "1.0855", """{"error":"SL and TP are required and must not be 0"}""")]
    [InlineData("BUY", "\"1.0795\"", "1.0855", """{"error":"SL and TP are required and must not be 0"}""")]
    public async Task RejectsBadStopsAndSidesWithTheEasMessages(string orderType, string sl, string tp, string expected)
    {
        var host = new RecordingCommandHost(TestTerminal.Create());
        await host.RunAsync(Open(orderType, sl, tp));
        Assert.Equal(("failed", expected), host.LastResponse);
        Assert.Empty(host.Terminal.Positions);
    }

    [Fact]
    public async Task RejectsAMissingSymbol()
    {
        var host = new RecordingCommandHost(TestTerminal.Create());
        await host.RunAsync("""{"id":"c1","type":"OPEN_TRADE","order_type":"BUY","sl":1.0795,"tp":1.0855}""");
        Assert.Equal(("failed", """{"error":"No symbol found"}"""), host.LastResponse);
    }

    [Fact]
    public async Task RejectsASymbolTheBrokerDoesNotQuote()
    {
        var host = new RecordingCommandHost(TestTerminal.Create());
        await host.RunAsync(Open(symbol: "FOOBAR"));
        Assert.Equal(("failed", """{"error":"Failed to get tick data"}"""), host.LastResponse);
    }

    [Theory]
    [InlineData("BUY", "1.08058", "1.0855", """{"error":"SL too close: 0.00050 < 0.00100 (min 100 points)","error_code":130}""")]
    [InlineData("BUY", "1.0795", "1.0815", """{"error":"TP too close: 0.00042 < 0.00100 (min 100 points)","error_code":130}""")]
    [InlineData("SELL", "1.0815", "1.0790", """{"error":"SL too close: 0.00050 < 0.00100 (min 100 points)","error_code":130}""")]
    public async Task EnforcesTheStopsLevel(string orderType, string sl, string tp, string expected)
    {
        var host = new RecordingCommandHost(TestTerminal.WithSpec(TestTerminal.EurUsd with { StopsLevel = 100 }));
        await host.RunAsync(Open(orderType, sl, tp));
        Assert.Equal(("failed", expected), host.LastResponse);
    }

    [Theory]
    [InlineData("0.123", "0.12")]
    [InlineData("0.126", "0.13")]
    [InlineData("0.001", "0.01")]
    [InlineData("500", "100.00")]
    public async Task ClampsAndRoundsTheVolumeToTheStep(string volume, string expected)
    {
        // Enough money for the 100-lot maximum.
        var host = new RecordingCommandHost(TestTerminal.Create(TestTerminal.Options with { InitialDeposit = 10_000_000 }));
        await host.RunAsync($$"""{"id":"c1","type":"OPEN_TRADE","symbol":"EURUSD","order_type":"BUY","volume":{{volume}},"sl":1.0795,"tp":1.0855}""");
        Assert.Contains($"\"volume\":{expected},", host.LastResponse.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsesOneHundredthOfALotWhenVolumeIsMissing()
    {
        var host = new RecordingCommandHost(TestTerminal.Create());
        await host.RunAsync("""{"id":"c1","type":"OPEN_TRADE","symbol":"EURUSD","order_type":"SELL","sl":1.0850,"tp":1.0790}""");
        Assert.Equal(0.01, Assert.Single(host.Terminal.Positions).Volume);
    }

    [Fact]
    public async Task FillsAtTheAskAndReportsTheActualStops()
    {
        var host = new RecordingCommandHost(TestTerminal.Create());
        await host.RunAsync(Open(extra: ""","comment":"Auto-Trade Signal #4711 (H1)" """.TrimEnd()));
        Assert.Equal(("completed", """{"ticket":5000000001,"price":1.08108,"volume":0.10,"sl":1.07950,"tp":1.08550,"tpsl_verified":true}"""), host.LastResponse);
        var position = Assert.Single(host.Terminal.Positions);
        Assert.Equal((5000000001UL, TradeSide.Buy, 1.08108, "Auto-Trade Signal #4711 (H1)", 999_888L), (position.Ticket, position.Side, position.OpenPrice, position.Comment, position.Magic));
        Assert.Equal("log INFO Command executed successfully | OPEN_TRADE: BUY EURUSD 0.10 @ 1.08108, Ticket: 5000000001, SL: 1.07950, TP: 1.08550", host.Timeline[^1]);
    }

    [Fact]
    public async Task GivesIncreasingSixtyFourBitTickets()
    {
        var host = new RecordingCommandHost(TestTerminal.Create());
        await host.RunAsync(Open(), Open("SELL", "1.0850", "1.0790"));
        var tickets = host.Terminal.Positions.Select(p => p.Ticket).ToArray();
        Assert.Equal(2, tickets.Length);
        Assert.True(tickets[0] > uint.MaxValue && tickets[1] > tickets[0]);
    }

    [Fact]
    public async Task TriesEveryFillingModeThenReportsTheGenericFailure()
    {
        var host = new RecordingCommandHost(TestTerminal.WithSpec(TestTerminal.EurUsd with { TradeMode = 0 }));
        await host.RunAsync(Open());
        Assert.Equal(
            [
                "log INFO Command received | Type: OPEN_TRADE, ID: c1",
                "log ERROR Order rejected by broker | Retcode 10017 (Trade disabled) - BUY EURUSD 0.10 | SL:1.07950 TP:1.08550",
                """response failed {"error":"All filling modes failed","error_code":4756}""",
                "log ERROR Command failed | OPEN_TRADE failed for EURUSD: All filling modes rejected",
            ],
            host.Timeline);
    }

    [Fact]
    public async Task ReportsBrokerRejectedStopsWhenTheTerminalReturnsTheRetcode()
    {
        var host = new RecordingCommandHost(TestTerminal.WithSpec(TestTerminal.EurUsd with { TradeMode = 0 }, rejectsAsRetcode: true));
        await host.RunAsync(Open());
        Assert.Equal(("failed", """{"error":"Broker rejected SL/TP","error_code":10017,"error_desc":"Trade disabled","sl":1.07950,"tp":1.08550}"""), host.LastResponse);
    }

    [Fact]
    public async Task RejectsAnOrderTheAccountCannotMargin()
    {
        var host = new RecordingCommandHost(TestTerminal.Create(TestTerminal.Options with { InitialDeposit = 10 }));
        await host.RunAsync(Open());
        Assert.Equal(("failed", """{"error":"All filling modes failed","error_code":4756}"""), host.LastResponse);
        Assert.Contains(host.Timeline, line => line.Contains("Retcode 10019 (Not enough money)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnnouncesEachCommandAndAnswersNoneOfUnknownType()
    {
        var host = new RecordingCommandHost(TestTerminal.Create());
        await host.RunAsync("""{"id":"x1","type":"CLOSE_ALL","symbol":"EURUSD"}""", """{"id":"x2","type":"close_position","ticket":5}""");
        Assert.Equal(
            [
                "log INFO Command received | Type: CLOSE_ALL, ID: x1",
                "log WARNING Unknown command type | Type: CLOSE_ALL, ID: x1",
                "log INFO Command received | Type: close_position, ID: x2",
                "log WARNING Unknown command type | Type: close_position, ID: x2",
            ],
            host.Timeline);
        Assert.Empty(host.Responses);
        Assert.All(host.Executed, e => Assert.Equal("ignored", e.Status));
    }
}
