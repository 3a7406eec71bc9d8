using NgTradingBot.Core.EaInternal;
using NgTradingBot.EaProtocol.Domain;

namespace NgTradingBot.UnitTests.Core;

public sealed class CoverageReportTests
{
    private const long Now = 1_730_709_000;

    [Fact]
    public void NoDataNeedsAnUpdate()
    {
        var report = CoverageReport.Evaluate(168, 0, null, null, Now, Timeframe.H1);

        Assert.Equal((0m, true, 0, 168), (report.CoveragePercent, report.NeedsUpdate, report.BarCount, report.ExpectedBars));
    }

    [Fact]
    public void FullAndFreshHistoryNeedsNoUpdate()
    {
        var report = CoverageReport.Evaluate(168, 168, Now - 167 * 3600, Now - 3600, Now, Timeframe.H1);

        Assert.Equal((100m, false), (report.CoveragePercent, report.NeedsUpdate));
    }

    [Fact]
    public void BelowNinetyPercentNeedsAnUpdateAndIsNeverRoundedUpToNinety()
    {
        var report = CoverageReport.Evaluate(1000, 899, Now - 900 * 60, Now, Now, Timeframe.M1);

        Assert.True(report.NeedsUpdate);
        Assert.Equal(89.9m, report.CoveragePercent);
    }

    [Theory]
    [InlineData(2 * 3600, false)]
    [InlineData(2 * 3600 + 1, true)]
    public void ANewestBarOlderThanTwoPeriodsNeedsAnUpdate(long age, bool needsUpdate) =>
        Assert.Equal(needsUpdate, CoverageReport.Evaluate(168, 168, Now - 200 * 3600, Now - age, Now, Timeframe.H1).NeedsUpdate);
}
