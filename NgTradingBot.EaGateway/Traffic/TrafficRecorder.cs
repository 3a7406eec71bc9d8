using System.Collections.Concurrent;
using NgTradingBot.Handoff;

namespace NgTradingBot.EaGateway.Traffic;

/// <summary>
/// Counts each account's answered and refused requests in memory, on every route; <see cref="TrafficReporter"/>
/// hands the counts to Redis once a second, so the hot path pays a dictionary update, not a Redis call.
/// </summary>
public sealed class TrafficRecorder(TimeProvider time)
{
    private readonly ConcurrentDictionary<long, Tally> _tallies = new();

    private sealed class Tally
    {
        public long Answered;
        public long Refused;
        public long RefusedSinceAnswered;
        public bool AnsweredAny;
        public DateTimeOffset LastRequestAt;
        public string? LastRefusal;
        public long Heartbeats;
        public double HeartbeatMilliseconds;
        public readonly LatencyHistogram RequestLatency = new();
        public readonly LatencyHistogram HeartbeatLatency = new();
    }

    // Every answered request comes here: written out under the lock rather than through Update, whose lambda
    // would capture the arguments in a new closure each time.
    public void Answered(long login, bool heartbeat, TimeSpan took)
    {
        var tally = _tallies.GetOrAdd(login, static _ => new Tally());
        lock (tally)
        {
            tally.Answered++;
            tally.AnsweredAny = true;
            tally.RefusedSinceAnswered = 0;
            tally.RequestLatency.Add(took);
            if (heartbeat)
            {
                tally.Heartbeats++;
                tally.HeartbeatMilliseconds += took.TotalMilliseconds;
                tally.HeartbeatLatency.Add(took);
            }
            tally.LastRequestAt = time.GetUtcNow();
        }
    }

    /// <param name="login">The account the request named; for a wrong key that is a claim, which is the point.</param>
    public void Refused(long login, string route, int statusCode, string reason) => Update(login, tally =>
    {
        tally.Refused++;
        tally.RefusedSinceAnswered++;
        tally.LastRefusal = $"{route} {statusCode}: {reason}";
    });

    /// <summary>Everything counted since the last call, each tally reset under its lock so no request goes uncounted.</summary>
    public IReadOnlyList<TrafficReport> Drain()
    {
        var reports = new List<TrafficReport>();
        foreach (var (login, tally) in _tallies)
        {
            lock (tally)
            {
                if (tally.Answered == 0 && tally.Refused == 0)
                {
                    // Idle since the last report: forget the account (refusals may name logins that do not exist).
                    _tallies.TryRemove(login, out _);
                    continue;
                }
                reports.Add(new TrafficReport(login, tally.Answered, tally.Refused, tally.RefusedSinceAnswered, tally.AnsweredAny,
                    tally.LastRequestAt, tally.LastRefusal, tally.Heartbeats, tally.HeartbeatMilliseconds,
                    [.. tally.RequestLatency.Counts], [.. tally.HeartbeatLatency.Counts]));
                tally.RequestLatency.Clear();
                tally.HeartbeatLatency.Clear();
                tally.Answered = tally.Refused = tally.RefusedSinceAnswered = tally.Heartbeats = 0;
                tally.HeartbeatMilliseconds = 0;
                tally.AnsweredAny = false;
                tally.LastRefusal = null;
            }
        }
        return reports;
    }

    private void Update(long login, Action<Tally> change)
    {
        var tally = _tallies.GetOrAdd(login, static _ => new Tally());
        lock (tally)
        {
            change(tally);
            tally.LastRequestAt = time.GetUtcNow();
        }
    }
}
