using NgTradingBot.Core.Trades;
using NgTradingBot.EaProtocol.Domain;
using NgTradingBot.EaProtocol.Requests;

namespace NgTradingBot.UnitTests.Core;

public sealed class TradeUpdateRuleTests
{
    private static TradeUpdateRequest Open(decimal volume = 0.10m, decimal sl = 1.0795m, decimal tp = 1.0855m, decimal commission = -0.35m) =>
        new(12345678, 555, "EURUSD", TradeDirection.Buy, volume, 1.08123m, 1730709010, 0m, 0, sl, tp, -0.80m, commission, 0m,
            TradeStatus.Open, "MT5", "");

    private static TradeUpdateRequest Close(decimal inVolume = 0.10m, string reason = "TP_HIT") =>
        new(12345678, 555, "EURUSD", TradeDirection.Buy, inVolume, 1.08123m, 1730709010, 1.0855m, 1730715000, 0m, 0m, 42.70m, -0.20m, -0.05m,
            TradeStatus.Closed, "MT5", reason);

    [Fact]
    public void ACloseKeepsTheStopsAndTheOpenVolume()
    {
        var open = TradeUpdateRule.Apply(null, Open(volume: 0.05m)) with { CommandId = "cmd_x" };

        var closed = TradeUpdateRule.Apply(open, Close(inVolume: 0.10m));

        Assert.Equal((1.0795m, 1.0855m), (closed.Sl, closed.Tp));
        Assert.Equal(0.05m, closed.Volume);
        Assert.Equal((TradeRow.Closed, "TP_HIT", 1.0855m, 1730715000L), (closed.Status, closed.CloseReason, closed.ClosePrice, closed.CloseTimeBroker));
        Assert.Equal((42.70m, -0.05m), (closed.Profit, closed.Swap));
        Assert.Equal(-0.55m, closed.Commission);
        Assert.Equal("cmd_x", closed.CommandId);
    }

    [Fact]
    public void APartiallyClosedTicketComesBackOpenWithTheNewVolume()
    {
        var partiallyClosed = TradeUpdateRule.Apply(TradeUpdateRule.Apply(null, Open(volume: 0.10m)), Close());

        var reopened = TradeUpdateRule.Apply(partiallyClosed, Open(volume: 0.04m, sl: 1.0800m));

        Assert.Equal((TradeRow.Open, 0.04m, 1.0800m), (reopened.Status, reopened.Volume, reopened.Sl));
        Assert.Null(reopened.ClosePrice);
        Assert.Null(reopened.CloseTimeBroker);
        Assert.Null(reopened.CloseReason);
    }

    [Fact]
    public void ACloseOfAnUnknownTicketStoresWhatItCarries()
    {
        var closed = TradeUpdateRule.Apply(null, Close(reason: ""));

        Assert.Equal((0.10m, (decimal?)null, (decimal?)null, "UNKNOWN"), (closed.Volume, closed.Sl, closed.Tp, closed.CloseReason));
        Assert.Equal(-0.20m, closed.Commission);
    }

    [Fact]
    public void AZeroStopMeansNoStop()
    {
        var open = TradeUpdateRule.Apply(null, Open(sl: 0m));

        Assert.Null(open.Sl);
        Assert.Equal(1.0855m, open.Tp);
    }
}
