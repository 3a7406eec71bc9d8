using NgTradingBot.EaSimulator.Tests.Support;

namespace NgTradingBot.EaSimulator.Tests.Commands;

public class ModifyAndCloseCommandTests
{
    private static (RecordingCommandHost Host, ulong Ticket) WithOpenBuy(EaTerminal? terminal = null)
    {
        var host = new RecordingCommandHost(terminal ?? TestTerminal.Create());
        var result = host.Terminal.SendMarketOrder("EURUSD", TradeSide.Buy, 0.1, 1.0795, 1.0855, FillingMode.Return);
        Assert.True(result.Done);
        return (host, result.Order);
    }

    [Theory]
    [InlineData("""{"id":"m1","type":"MODIFY_TRADE","sl":1.08,"tp":1.086}""", """{"error":"No ticket provided"}""")]
    [InlineData("""{"id":"m1","type":"MODIFY_TRADE","ticket":5000000001,"sl":1.08}""", """{"error":"SL and TP are required and must not be 0"}""")]
    [InlineData("""{"id":"m1","type":"MODIFY_TRADE","ticket":42,"sl":1.08,"tp":1.086}""", """{"error":"Position 42 not found. Total positions: 1"}""")]
    public async Task ModifyRejectsWithTheEasMessages(string command, string expected)
    {
        var (host, _) = WithOpenBuy();
        await host.RunAsync(command);
        Assert.Equal(("failed", expected), host.LastResponse);
    }

    [Fact]
    public async Task ModifyAnswersWithTheRequestedValues()
    {
        var (host, ticket) = WithOpenBuy();
        await host.RunAsync($$"""{"id":"m1","type":"MODIFY_TRADE","ticket":"{{ticket}}","sl":1.0800,"tp":1.0860,"symbol":"IGNORED"}""");
        Assert.Equal(("completed", $$"""{"ticket":{{ticket}},"sl":1.08000,"tp":1.08600}"""), host.LastResponse);
        var position = Assert.Single(host.Terminal.Positions);
        Assert.Equal((1.08, 1.086), (position.Sl, position.Tp));
        Assert.Empty(host.CloseReasons);
    }

    [Fact]
    public async Task ModifyWithTrailingStopMarksTheTicket()
    {
        var (host, ticket) = WithOpenBuy();
        await host.RunAsync($$"""{"id":"m1","type":"MODIFY_TRADE","ticket":{{ticket}},"sl":1.0805,"tp":1.0855,"trailing_stop":true}""");
        Assert.Equal("completed", host.LastResponse.Status);
        Assert.Equal(CloseReasons.TrailingStop, host.CloseReasons[ticket]);
    }

    [Fact]
    public async Task ModifyReportsABrokerRejectionOfStopsOnTheWrongSide()
    {
        var (host, ticket) = WithOpenBuy();
        await host.RunAsync($$"""{"id":"m1","type":"MODIFY_TRADE","ticket":{{ticket}},"sl":1.0820,"tp":1.0855,"trailing_stop":true}""");
        Assert.Equal(("failed", """{"error":"OrderSend failed","error_code":4756,"error_desc":"Invalid filling mode / Wrong request structure"}"""), host.LastResponse);
        Assert.Empty(host.CloseReasons);
    }

    [Fact]
    public async Task ModifyReportsTheRetcodeWhenTheTerminalReturnsIt()
    {
        var terminal = TestTerminal.Create(TestTerminal.Options with { BrokerRejectsAsRetcode = true });
        var (host, ticket) = WithOpenBuy(terminal);
        await host.RunAsync($$"""{"id":"m1","type":"MODIFY_TRADE","ticket":{{ticket}},"sl":1.0795,"tp":1.0855}""");
        Assert.Equal(("failed", """{"error":"Modify failed","retcode":10025}"""), host.LastResponse);
    }

    [Fact]
    public async Task CloseClosesTheFullVolumeAtTheBid()
    {
        var (host, ticket) = WithOpenBuy();
        await host.RunAsync($$"""{"id":"x1","type":"CLOSE_TRADE","ticket":{{ticket}},"reason":"TIME_EXIT","details":"max_duration_12h_exceeded"}""");
        Assert.Equal(("completed", $$"""{"ticket":{{ticket}},"close_price":1.08100}"""), host.LastResponse);
        Assert.Empty(host.Terminal.Positions);
        var exit = host.Terminal.Deals[^1];
        Assert.Equal((DealEntry.Out, DealType.Sell, 0.1, ticket), (exit.Entry, exit.Type, exit.Volume, exit.PositionId));
        Assert.Equal("TIME_EXIT", host.CloseReasons[ticket]);
    }

    [Fact]
    public async Task CloseStoresTheReasonEvenWhenThePositionIsMissing()
    {
        var (host, _) = WithOpenBuy();
        await host.RunAsync("""{"id":"x1","type":"CLOSE_TRADE","ticket":77,"reason":"EMERGENCY_CLOSE"}""");
        Assert.Equal(("failed", """{"error":"Position 77 not found"}"""), host.LastResponse);
        Assert.Equal("EMERGENCY_CLOSE", host.CloseReasons[77]);
    }

    [Fact]
    public async Task CloseRejectsAMissingTicket()
    {
        var (host, _) = WithOpenBuy();
        await host.RunAsync("""{"id":"x1","type":"CLOSE_TRADE","ticket":"abc","reason":"TIME_EXIT"}""");
        Assert.Equal(("failed", """{"error":"No ticket provided"}"""), host.LastResponse);
    }

    [Fact]
    public async Task CloseFailsOnASymbolThatOnlyAllowsFillOrKill()
    {
        var (host, ticket) = WithOpenBuy(TestTerminal.WithSpec(TestTerminal.EurUsd with { FillingMode = 1 }));
        await host.RunAsync($$"""{"id":"x1","type":"CLOSE_TRADE","ticket":{{ticket}}}""");
        Assert.Equal(("failed", """{"error":"OrderSend failed","error_code":4756,"error_desc":"Invalid filling mode / Wrong request structure"}"""), host.LastResponse);
        Assert.Single(host.Terminal.Positions);
    }
}
