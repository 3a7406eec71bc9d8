using NgTradingBot.Client;
using NgTradingBot.Web.Commands;

namespace NgTradingBot.UnitTests.Web;

public sealed class TestOrderStopsTests
{
    [Fact]
    public void ABuysStopsSitAroundTheAskWithTheQuotesDigits()
    {
        var quote = new Quote("EURUSD", 1.08098000m, 1.08106000m, DateTimeOffset.UtcNow);

        var (stopLoss, takeProfit) = TestOrderStops.From(quote, OrderSide.Buy);

        Assert.Equal(1.07565m, stopLoss);
        Assert.Equal(1.08647m, takeProfit);
    }

    [Fact]
    public void ASellsStopsSitAroundTheBidTheOtherWayRound()
    {
        var quote = new Quote("USDJPY", 150.120m, 150.135m, DateTimeOffset.UtcNow);

        var (stopLoss, takeProfit) = TestOrderStops.From(quote, OrderSide.Sell);

        Assert.Equal(150.871m, stopLoss);
        Assert.Equal(149.369m, takeProfit);
        Assert.True(stopLoss > quote.Ask && takeProfit < quote.Bid);
    }

    [Theory]
    [InlineData("1.08523", 5)]
    [InlineData("1.08520000", 4)]
    [InlineData("2650.1", 1)]
    [InlineData("97000", 0)]
    public void TheDigitsAreTheQuotesOwn(string price, int digits)
    {
        Assert.Equal(digits, TestOrderStops.Digits(decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
