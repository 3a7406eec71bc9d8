using System.Collections.Concurrent;

namespace NgTradingBot.EaSimulator;

/// <summary>Live, thread-safe counters of one simulated EA; <see cref="Snapshot"/> gives a consistent-enough copy.</summary>
public sealed class EaStatistics
{
    private readonly ConcurrentDictionary<string, RouteCounter> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, long> _statuses = new();
    private long _ticksBuffered;
    private long _ticksSent;
    private long _commandsCompleted;
    private long _commandsFailed;
    private long _commandsIgnored;
    private long _reconnects;
    private long _injectedDrops;
    private long _injectedDisconnects;
    private long _injectedSlowReplies;

    internal void RecordExchange(string route, int status, int bytesSent, int bytesReceived, TimeSpan duration)
    {
        _routes.GetOrAdd(route, static _ => new RouteCounter()).Add(status == 200, bytesSent, bytesReceived, duration);
        _statuses.AddOrUpdate(status, 1, static (_, n) => n + 1);
    }

    internal void RecordFault(string fault)
    {
        switch (fault)
        {
            case "dropped": Interlocked.Increment(ref _injectedDrops); break;
            case "disconnected": Interlocked.Increment(ref _injectedDisconnects); break;
            default: Interlocked.Increment(ref _injectedSlowReplies); break;
        }
    }

    internal void TicksBuffered(int count) => Interlocked.Add(ref _ticksBuffered, count);

    internal void TicksSent(int count) => Interlocked.Add(ref _ticksSent, count);

    internal void CommandFinished(string status)
    {
        switch (status)
        {
            case EaCommandResponses.Completed: Interlocked.Increment(ref _commandsCompleted); break;
            case EaCommandResponses.Failed: Interlocked.Increment(ref _commandsFailed); break;
            default: Interlocked.Increment(ref _commandsIgnored); break;
        }
    }

    internal void Reconnected() => Interlocked.Increment(ref _reconnects);

    public EaStatisticsSnapshot Snapshot() => new(
        _routes.ToDictionary(kv => kv.Key, kv => kv.Value.Snapshot(kv.Key), StringComparer.Ordinal),
        new Dictionary<int, long>(_statuses),
        Interlocked.Read(ref _ticksBuffered),
        Interlocked.Read(ref _ticksSent),
        Interlocked.Read(ref _commandsCompleted),
        Interlocked.Read(ref _commandsFailed),
        Interlocked.Read(ref _commandsIgnored),
        Interlocked.Read(ref _reconnects),
        Interlocked.Read(ref _injectedDrops),
        Interlocked.Read(ref _injectedDisconnects),
        Interlocked.Read(ref _injectedSlowReplies));

    private sealed class RouteCounter
    {
        private long _requests;
        private long _ok;
        private long _bytesSent;
        private long _bytesReceived;
        private long _totalTicks;
        private long _maxTicks;

        public void Add(bool ok, int sent, int received, TimeSpan duration)
        {
            Interlocked.Increment(ref _requests);
            if (ok)
            {
                Interlocked.Increment(ref _ok);
            }
            Interlocked.Add(ref _bytesSent, sent);
            Interlocked.Add(ref _bytesReceived, received);
            Interlocked.Add(ref _totalTicks, duration.Ticks);
            var max = Interlocked.Read(ref _maxTicks);
            while (duration.Ticks > max && Interlocked.CompareExchange(ref _maxTicks, duration.Ticks, max) != max)
            {
                max = Interlocked.Read(ref _maxTicks);
            }
        }

        public RouteStatistics Snapshot(string route) => new(
            route,
            Interlocked.Read(ref _requests),
            Interlocked.Read(ref _ok),
            Interlocked.Read(ref _bytesSent),
            Interlocked.Read(ref _bytesReceived),
            TimeSpan.FromTicks(Interlocked.Read(ref _totalTicks)),
            TimeSpan.FromTicks(Interlocked.Read(ref _maxTicks)));
    }
}
