using NgTradingBot.Web.Display;

namespace NgTradingBot.UnitTests.Web;

public sealed class DisplayTests
{
    [Fact]
    public void ASeriesIsScaledToFillTheChartWithHighValuesAtTheTop()
    {
        Assert.Equal("0,10 50,0 100,5", ChartPath.Points([1, 3, 2], 100, 10));
    }

    [Fact]
    public void AFlatSeriesIsDrawnAcrossTheMiddle()
    {
        Assert.Equal("0,8 30,8", ChartPath.Points([5, 5], 30, 16));
        Assert.Equal("", ChartPath.Points([], 30, 16));
    }

    [Fact]
    public void TimesAreShownInTheViewersZoneAndUtcIsAlwaysAtHand()
    {
        var at = new DateTime(2026, 7, 1, 12, 30, 0, DateTimeKind.Utc);

        Assert.Equal("2026-07-01 14:30:00", ViewerClock.For("Europe/Berlin").Format(at));
        Assert.Equal("2026-07-01 12:30:00 UTC", ViewerClock.FormatUtc(at));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Not/AZone")]
    public void AnUnknownZoneFallsBackToUtc(string? zone)
    {
        Assert.Same(ViewerClock.Utc, ViewerClock.For(zone));
    }

    [Fact]
    public void PricesLoseTheStoresTrailingZerosAndUnknownsAreADash()
    {
        Assert.Equal("1.081", Figures.Price(1.08100000m));
        Assert.Equal("-", Figures.Price(null));
        Assert.Equal("12,345.60", Figures.Money(12345.6m));
        Assert.Equal("4.5 ms", Figures.Milliseconds(4.5));
        Assert.Equal("1,234 ms", Figures.Milliseconds(1234.4));
    }
}
