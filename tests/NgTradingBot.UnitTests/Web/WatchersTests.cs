using Microsoft.Extensions.Logging.Abstractions;
using NgTradingBot.Web.Live;

namespace NgTradingBot.UnitTests.Web;

public sealed class WatchersTests
{
    [Fact]
    public void EveryWatcherHearsTheNewsEvenWhenAnotherThrows()
    {
        var watchers = new Watchers<int>(NullLogger.Instance);
        var heard = new List<int>();
        using var failing = watchers.Add(_ => throw new InvalidOperationException("circuit gone"));
        using var listening = watchers.Add(heard.Add);

        watchers.Notify(7);

        Assert.Equal([7], heard);
    }

    [Fact]
    public void AWatcherDisposedHearsNothingMoreAndDisposingTwiceIsHarmless()
    {
        var watchers = new Watchers<int>(NullLogger.Instance);
        var heard = new List<int>();
        var watch = watchers.Add(heard.Add);

        watchers.Notify(1);
        watch.Dispose();
        watch.Dispose();
        watchers.Notify(2);

        Assert.Equal([1], heard);
        Assert.Equal(0, watchers.Count);
    }
}
