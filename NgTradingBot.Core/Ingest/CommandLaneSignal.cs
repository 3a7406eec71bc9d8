using System.Threading.Channels;
using NgTradingBot.Handoff;
using StackExchange.Redis;

namespace NgTradingBot.Core.Ingest;

/// <summary>
/// Wakes the command lane's reader when something was appended to it: the gateways and the dequeue script announce
/// each append on <see cref="IngestStream.CommandLaneAppended"/>. Announcements coalesce (one pending wake-up is
/// enough, the reader takes everything there is). After a reconnect it wakes the reader once, for what was announced
/// while the connection was down; anything else lost costs only the reader's next look (Ingest:CommandLaneRecheck).
/// </summary>
public sealed class CommandLaneSignal(IConnectionMultiplexer redis, IngestStream stream, ILogger<CommandLaneSignal> logger) : IHostedService
{
    private readonly Channel<bool> _appended = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>An append was announced: the current or next wait returns.</summary>
    public void Announce() => _appended.Writer.TryWrite(true);

    /// <summary>Forgets the announcements so far: call before reading the lane, so one made during the read still wakes the next wait.</summary>
    public void Reset() => _appended.Reader.TryRead(out _);

    /// <summary>Returns at the next announcement (or one made since the last <see cref="Reset"/>), or when <paramref name="timeout"/> is over.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await _appended.Reader.WaitToReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The timeout: look anyway.
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Announcements made while the connection was down are lost: look once it is back.
        redis.ConnectionRestored += (_, _) => Announce();
        RedisSubscriptions.SubscribeInBackground(redis, stream.CommandLaneAppended, "command lane announcements", logger, _ => Announce());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
