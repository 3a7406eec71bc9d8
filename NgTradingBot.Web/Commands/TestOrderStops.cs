using NgTradingBot.Client;
using NgTradingBot.Web.Display;

namespace NgTradingBot.Web.Commands;

/// <summary>
/// The test order's stops, prefilled from the last quote on the side the order fills at (a buy at the ask, a sell at the
/// bid), each <see cref="Distance"/> of the price away, so the EA's side check passes and the test risks little.
/// </summary>
public static class TestOrderStops
{
    /// <summary>The migration guide's test volume: the smallest lot.</summary>
    public const decimal DefaultVolume = 0.01m;

    /// <summary>Half a percent of the price: beyond the spread and a broker's minimum stop distance on every usual symbol.</summary>
    public const decimal Distance = 0.005m;

    public static (decimal StopLoss, decimal TakeProfit) From(Quote quote, OrderSide side)
    {
        var price = side == OrderSide.Buy ? quote.Ask : quote.Bid;
        var digits = Math.Max(Digits(quote.Bid), Digits(quote.Ask));
        var offset = price * Distance;
        var (below, above) = (Math.Round(price - offset, digits), Math.Round(price + offset, digits));
        return side == OrderSide.Buy ? (below, above) : (above, below);
    }

    /// <summary>The decimals the broker quotes the symbol with, from the quote itself (1.08523 has 5).</summary>
    public static int Digits(decimal price) => decimal.Round(Figures.Normalized(price), 8).Scale;
}
