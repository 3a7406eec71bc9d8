using Microsoft.Extensions.Options;
using NgTradingBot.Handoff;

namespace NgTradingBot.EaGateway.Traffic;

/// <summary>
/// Hands the recorded traffic to Redis every <see cref="EaGatewayOptions.TrafficReportInterval"/>, for Core's
/// connection health. A report that cannot be written is merged back and tried again with the next one.
/// </summary>
public sealed class TrafficReporter(TrafficRecorder recorder, AccountTrafficStore store, IOptions<EaGatewayOptions> options,
    ILogger<TrafficReporter> logger) : BackgroundService
{
    private List<TrafficReport> _unsent = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.TrafficReportInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await ReportAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await ReportAsync();
    }

    private async Task ReportAsync()
    {
        var reports = Merge(_unsent.Concat(recorder.Drain()));
        _unsent = await CallsInTurn.SendAsync(reports, options.Value.TrafficReportAccountsPerCall, store.ReportAsync, (ex, left) =>
            logger.LogWarning("Reporting the traffic of {Count} accounts failed, retrying with the next report: {Error}", left, ex.Message));
    }

    private static List<TrafficReport> Merge(IEnumerable<TrafficReport> reports) =>
        [.. reports.GroupBy(r => r.Login).Select(g => g.Aggregate((a, b) => new TrafficReport(a.Login,
            a.Answered + b.Answered,
            a.Refused + b.Refused,
            b.AnsweredAny ? b.RefusedSinceAnswered : a.RefusedSinceAnswered + b.RefusedSinceAnswered,
            a.AnsweredAny || b.AnsweredAny,
            a.LastRequestAt > b.LastRequestAt ? a.LastRequestAt : b.LastRequestAt,
            b.LastRefusal ?? a.LastRefusal,
            a.Heartbeats + b.Heartbeats,
            a.HeartbeatMilliseconds + b.HeartbeatMilliseconds,
            Sum(a.RequestLatency, b.RequestLatency),
            Sum(a.HeartbeatLatency, b.HeartbeatLatency))))];

    private static long[] Sum(long[] a, long[] b)
    {
        var sum = new LatencyHistogram([.. a]);
        sum.Add(new LatencyHistogram(b));
        return sum.Counts;
    }
}
