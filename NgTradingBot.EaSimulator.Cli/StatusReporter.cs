using System.Diagnostics;
using System.Globalization;
using NgTradingBot.EaSimulator;

namespace NgTradingBot.EaSimulator.Cli;

/// <summary>A short statistics line every few seconds and a per-route summary at the end.</summary>
internal sealed class StatusReporter(EaFleet fleet, TextWriter output)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastRequests;
    private TimeSpan _lastAt;

    public async Task ReportWhileRunningAsync(Task run, TimeSpan every)
    {
        while (!run.IsCompleted)
        {
            await Task.WhenAny(run, Task.Delay(every));
            if (!run.IsCompleted)
            {
                output.WriteLine(Line());
            }
        }
    }

    public void PrintSummary()
    {
        var s = fleet.Statistics();
        var elapsed = _clock.Elapsed;
        output.WriteLine(Line());
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Summary after {elapsed.TotalSeconds:F1}s: {s.Requests} requests ({s.Requests / Math.Max(elapsed.TotalSeconds, 0.001):F0}/s), {s.Ok} ok, {s.Requests - s.Ok} not ok, {s.BytesSent / 1024.0:F0} KiB sent, {s.BytesReceived / 1024.0:F0} KiB received"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Ticks buffered {s.TicksBuffered}, sent {s.TicksSent}; commands completed {s.CommandsCompleted}, failed {s.CommandsFailed}, ignored {s.CommandsIgnored}; reconnects {s.Reconnects}; crashed EAs {fleet.CrashedCount}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Injected faults: {s.InjectedDrops} dropped, {s.InjectedDisconnects} disconnected, {s.InjectedSlowReplies} slow. Statuses: {Statuses(s)}"));
        output.WriteLine($"{"route",-22} {"requests",9} {"ok",9} {"failed",7} {"avg ms",8} {"max ms",8} {"KiB sent",9}");
        foreach (var r in s.Routes.Values.OrderByDescending(r => r.Requests))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Route,-22} {r.Requests,9} {r.Ok,9} {r.Failed,7} {r.AverageDuration.TotalMilliseconds,8:F1} {r.MaxDuration.TotalMilliseconds,8:F1} {r.BytesSent / 1024.0,9:F0}"));
        }
    }

    private string Line()
    {
        var s = fleet.Statistics();
        var now = _clock.Elapsed;
        var rate = (s.Requests - _lastRequests) / Math.Max((now - _lastAt).TotalSeconds, 0.001);
        _lastRequests = s.Requests;
        _lastAt = now;
        var avg = s.Requests == 0 ? 0 : s.Routes.Values.Sum(r => r.TotalDuration.TotalMilliseconds) / s.Requests;
        var okShare = s.Requests == 0 ? 100 : 100.0 * s.Ok / s.Requests;
        var buffered = fleet.Eas.Sum(ea => ea.BufferedTicks);
        return string.Create(CultureInfo.InvariantCulture,
            $"[{now.TotalSeconds,6:F1}s] connected {fleet.ConnectedCount}/{fleet.Eas.Count} | requests {s.Requests} ({rate:F0}/s) ok {okShare:F1}% avg {avg:F1} ms | ticks sent {s.TicksSent} buffered {buffered} | commands {s.CommandsCompleted} ok {s.CommandsFailed} failed | {Statuses(s)}");
    }

    private static string Statuses(EaStatisticsSnapshot s) =>
        string.Join(" ", s.Statuses.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}:{kv.Value}"));
}
