using NgTradingBot.EaGateway.Traffic;
using NgTradingBot.Handoff;

namespace NgTradingBot.UnitTests.Gateway;

public sealed class TrafficReporterTests
{
    private static List<TrafficReport> Reports(int count) => [.. Enumerable.Range(1, count).Select(login => new TrafficReport(
        login, 10, 0, 0, true, DateTimeOffset.UnixEpoch, null, 0, 0, new long[LatencyHistogram.BucketCount], new long[LatencyHistogram.BucketCount]))];

    [Fact]
    public async Task ReportsGoOutAFewAccountsPerCallOneCallAfterTheOther()
    {
        var calls = new List<long[]>();
        var inFlight = 0;

        var unsent = await CallsInTurn.SendAsync(Reports(60), 25, async chunk =>
        {
            Assert.Equal(1, Interlocked.Increment(ref inFlight));
            await Task.Yield();
            calls.Add([.. chunk.Select(r => r.Login)]);
            Interlocked.Decrement(ref inFlight);
        }, (_, _) => Assert.Fail("no call failed"));

        Assert.Empty(unsent);
        Assert.Equal([25, 25, 10], calls.Select(c => c.Length));
        Assert.Equal(Enumerable.Range(1, 60).Select(l => (long)l), calls.SelectMany(c => c));
    }

    [Fact]
    public async Task AFailedCallKeepsItsAccountsAndTheRestButNotWhatWasSent()
    {
        var calls = 0;
        var failedWith = -1;

        var unsent = await CallsInTurn.SendAsync(Reports(60), 25, chunk =>
            ++calls == 2 ? Task.FromException(new TimeoutException("Redis did not answer")) : Task.CompletedTask,
            (_, left) => failedWith = left);

        // The first 25 were stored: sending them again would count their requests twice.
        Assert.Equal(Enumerable.Range(26, 35).Select(l => (long)l), unsent.Select(r => r.Login));
        Assert.Equal(35, failedWith);
        Assert.Equal(2, calls);
    }
}
