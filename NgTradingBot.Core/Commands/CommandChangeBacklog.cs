using System.Threading.Channels;
using NgTradingBot.Handoff;

namespace NgTradingBot.Core.Commands;

/// <summary>
/// The changes one account's event stream has not sent yet. Bounded, so a reader that stalls costs at most its
/// capacity: beyond it the oldest go, and are counted, so the stream can tell its reader how many it missed.
/// </summary>
public sealed class CommandChangeBacklog
{
    private readonly Channel<CommandChange> _changes;
    private long _missed;

    public CommandChangeBacklog(int capacity) =>
        _changes = Channel.CreateBounded<CommandChange>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => Interlocked.Increment(ref _missed));

    public ChannelReader<CommandChange> Reader => _changes.Reader;

    /// <summary>Adds a change, dropping the oldest when full; false once completed.</summary>
    public bool Add(CommandChange change) => _changes.Writer.TryWrite(change);

    public void Complete() => _changes.Writer.TryComplete();

    /// <summary>How many changes were dropped since the last call.</summary>
    public long TakeMissed() => Interlocked.Exchange(ref _missed, 0);
}
