namespace NgTradingBot.EaSimulator.Tests.Ea;

public class CloseReasonTrackerTests
{
    private const double Point = 0.00001;
    private static readonly Position Buy = new(7, "EURUSD", TradeSide.Buy, 0.1, 1.081, 0, 1.0795, 1.0855, 0, 0, 0, "");

    private static CloseReasonTracker Tracking(Position position)
    {
        var tracker = new CloseReasonTracker();
        tracker.Track(position);
        return tracker;
    }

    [Fact]
    public void AServerReasonWinsOverATakeProfitHit()
    {
        var tracker = Tracking(Buy);
        tracker.StoreServerReason(7, "TRAILING_STOP");
        Assert.Equal("TRAILING_STOP", tracker.Detect(7, 1.0855, Point));
    }

    [Theory]
    [InlineData(1.0855, "TP_HIT")]
    [InlineData(1.08559, "TP_HIT")]
    [InlineData(1.08562, "MANUAL")]
    [InlineData(1.0795, "SL_HIT")]
    [InlineData(1.07941, "SL_HIT")]
    [InlineData(1.0820, "MANUAL")]
    public void RecognisesStopsWithinTenPoints(double closePrice, string expected)
    {
        Assert.Equal(expected, Tracking(Buy).Detect(7, closePrice, Point));
    }

    [Fact]
    public void CallsAStopThatMovedInTheProfitDirectionATrailingStop()
    {
        var tracker = Tracking(Buy);
        tracker.Update(Buy with { Sl = 1.0805 });
        Assert.Equal("TRAILING_STOP", tracker.Detect(7, 1.0805, Point));
    }

    [Fact]
    public void ASellStopMovedDownIsATrailingStop()
    {
        var sell = Buy with { Side = TradeSide.Sell, Sl = 1.0850, Tp = 1.0790 };
        var tracker = Tracking(sell);
        tracker.Update(sell with { Sl = 1.0830 });
        Assert.Equal("TRAILING_STOP", tracker.Detect(7, 1.0830, Point));
    }

    [Fact]
    public void AnUntrackedPositionIsUnknown()
    {
        Assert.Equal("UNKNOWN", new CloseReasonTracker().Detect(7, 1.0855, Point));
    }

    [Fact]
    public void ClosingForgetsTheServerReason()
    {
        var tracker = Tracking(Buy);
        tracker.StoreServerReason(7, "TIME_EXIT");
        tracker.Untrack(7);
        Assert.Equal("UNKNOWN", tracker.Detect(7, 1.0855, Point));
    }
}
