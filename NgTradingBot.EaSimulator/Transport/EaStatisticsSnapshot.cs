namespace NgTradingBot.EaSimulator;

/// <summary>A copy of <see cref="EaStatistics"/>; <see cref="Combine"/> sums several EAs for a fleet.</summary>
/// <param name="Statuses">Request count per status; -1 is a transport error or timeout.</param>
/// <param name="TicksSent">Ticks in batches the server answered with 200 (the EA then clears its buffer).</param>
/// <param name="CommandsIgnored">Commands of an unknown type: logged, never answered.</param>
public sealed record EaStatisticsSnapshot(
    IReadOnlyDictionary<string, RouteStatistics> Routes,
    IReadOnlyDictionary<int, long> Statuses,
    long TicksBuffered,
    long TicksSent,
    long CommandsCompleted,
    long CommandsFailed,
    long CommandsIgnored,
    long Reconnects,
    long InjectedDrops,
    long InjectedDisconnects,
    long InjectedSlowReplies)
{
    public static EaStatisticsSnapshot Empty { get; } = new(new Dictionary<string, RouteStatistics>(), new Dictionary<int, long>(), 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public long Requests => Routes.Values.Sum(r => r.Requests);

    public long Ok => Routes.Values.Sum(r => r.Ok);

    public long BytesSent => Routes.Values.Sum(r => r.BytesSent);

    public long BytesReceived => Routes.Values.Sum(r => r.BytesReceived);

    public long CommandsExecuted => CommandsCompleted + CommandsFailed;

    public long RequestsTo(string route) => Routes.TryGetValue(route, out var r) ? r.Requests : 0;

    public static EaStatisticsSnapshot Combine(IEnumerable<EaStatisticsSnapshot> snapshots)
    {
        var routes = new Dictionary<string, RouteStatistics>(StringComparer.Ordinal);
        var statuses = new Dictionary<int, long>();
        var total = Empty;
        foreach (var s in snapshots)
        {
            foreach (var (route, stats) in s.Routes)
            {
                routes[route] = routes.TryGetValue(route, out var existing) ? existing.Add(stats) : stats;
            }
            foreach (var (status, count) in s.Statuses)
            {
                statuses[status] = statuses.GetValueOrDefault(status) + count;
            }
            total = total with
            {
                TicksBuffered = total.TicksBuffered + s.TicksBuffered,
                TicksSent = total.TicksSent + s.TicksSent,
                CommandsCompleted = total.CommandsCompleted + s.CommandsCompleted,
                CommandsFailed = total.CommandsFailed + s.CommandsFailed,
                CommandsIgnored = total.CommandsIgnored + s.CommandsIgnored,
                Reconnects = total.Reconnects + s.Reconnects,
                InjectedDrops = total.InjectedDrops + s.InjectedDrops,
                InjectedDisconnects = total.InjectedDisconnects + s.InjectedDisconnects,
                InjectedSlowReplies = total.InjectedSlowReplies + s.InjectedSlowReplies,
            };
        }
        return total with { Routes = routes, Statuses = statuses };
    }
}
