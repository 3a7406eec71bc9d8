using NgTradingBot.Core.Commands;
using NgTradingBot.Handoff;

namespace NgTradingBot.UnitTests.Core;

public sealed class CommandChangeBacklogTests
{
    [Fact]
    public void AReaderThatKeepsUpMissesNothing()
    {
        var backlog = new CommandChangeBacklog(capacity: 2);

        for (var i = 0; i < 5; i++)
        {
            backlog.Add(Change(i));
            Assert.True(backlog.Reader.TryRead(out var read));
            Assert.Equal($"c{i}", read.Id);
        }

        Assert.Equal(0, backlog.TakeMissed());
    }

    [Fact]
    public void BeyondItsCapacityTheOldestGoAndAreCountedOnce()
    {
        var backlog = new CommandChangeBacklog(capacity: 3);

        for (var i = 0; i < 8; i++)
        {
            backlog.Add(Change(i));
        }

        Assert.Equal(5, backlog.TakeMissed());
        Assert.Equal(0, backlog.TakeMissed());
        Assert.Equal(["c5", "c6", "c7"], Drain(backlog));
    }

    [Fact]
    public void NothingIsAddedOnceCompleted()
    {
        var backlog = new CommandChangeBacklog(capacity: 3);
        backlog.Add(Change(0));

        backlog.Complete();

        Assert.False(backlog.Add(Change(1)));
        Assert.Equal(["c0"], Drain(backlog));
        Assert.True(backlog.Reader.Completion.IsCompleted);
    }

    private static CommandChange Change(int i) => new($"c{i}", 1, "PENDING");

    private static List<string> Drain(CommandChangeBacklog backlog)
    {
        var ids = new List<string>();
        while (backlog.Reader.TryRead(out var change))
        {
            ids.Add(change.Id);
        }
        return ids;
    }
}
