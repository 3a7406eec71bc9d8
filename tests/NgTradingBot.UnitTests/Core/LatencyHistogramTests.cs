using NgTradingBot.Handoff;

namespace NgTradingBot.UnitTests.Core;

public sealed class LatencyHistogramTests
{
    [Fact]
    public void PercentilesInterpolateInsideTheirBucket()
    {
        var histogram = new LatencyHistogram();
        for (var i = 0; i < 90; i++)
        {
            histogram.Add(TimeSpan.FromMilliseconds(3)); // (2, 5] ms
        }
        for (var i = 0; i < 10; i++)
        {
            histogram.Add(TimeSpan.FromMilliseconds(150)); // (100, 200] ms
        }

        Assert.Equal(100, histogram.Total);
        Assert.Equal(2 + 3 * 50.0 / 90, histogram.Percentile(0.50)!.Value, 6);
        Assert.Equal(100 + 100 * 5.0 / 10, histogram.Percentile(0.95)!.Value, 6);
    }

    [Fact]
    public void CountsFromSeveralReportsAddUpAndNothingCountedHasNoPercentile()
    {
        var a = new LatencyHistogram();
        var b = new LatencyHistogram();
        Assert.Null(a.Percentile(0.5));

        a.Add(TimeSpan.FromSeconds(9));
        b.Add(TimeSpan.FromSeconds(9));
        a.Add(b);

        Assert.Equal(2, a.Counts[^1]);
        Assert.Equal(5000, a.Percentile(0.99));
        Assert.Throws<ArgumentException>(() => new LatencyHistogram(new long[3]));
    }
}
