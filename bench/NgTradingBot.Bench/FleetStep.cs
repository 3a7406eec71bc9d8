using System.Diagnostics;
using NgTradingBot.AppHost.Hosting;
using NgTradingBot.AppHost.Hosting.Resources;
using NgTradingBot.EaSimulator;
using NgTradingBot.Handoff;
using StackExchange.Redis;

namespace NgTradingBot.Bench;

/// <summary>Runs one fleet size against the running composition and measures it after warm-up.</summary>
public sealed class FleetStep(DistributedApplication app, BenchSettings settings, ConnectionMultiplexer redis)
{
    private static readonly string[] Measured = ["gateway", "core", "postgres", "redis"];

    public async Task<StepResult> RunAsync(int eas, long loginBase)
    {
        var gateway = (ProjectResource)app.GetResource("gateway");
        var template = new EaOptions
        {
            ServerUrl = gateway.GetEndpoint("command").Url,
            TicksUrl = gateway.GetEndpoint("ticks").Url + "/api/ticks",
            TradesUrl = gateway.GetEndpoint("trades").Url + "/api/trades/update",
            LogsUrl = gateway.GetEndpoint("logs").Url + "/api/log",
            AvailableSymbols = SymbolCatalog.CommonSymbols.Take(settings.Symbols).ToList(),
        };
        using var recorder = new LatencyRecorder();
        using var http = new HttpClient(recorder) { Timeout = Timeout.InfiniteTimeSpan };
        using var core = new HttpClient { BaseAddress = new Uri(((ProjectResource)app.GetResource("core")).GetEndpoint().Url) };
        await using var fleet = new EaFleet(template, eas, loginBase, http);
        using var stop = new CancellationTokenSource();
        var run = fleet.RunAsync(stop.Token);

        await Task.Delay(settings.Warmup);
        var statsBefore = fleet.Statistics();
        var cpuBefore = CpuSeconds();
        var clock = Stopwatch.StartNew();
        recorder.Start();
        using var measuring = new CancellationTokenSource(settings.Duration);
        var probe = new CommandProbe(core);
        await Task.WhenAll(
            probe.RunAsync(loginBase, eas, settings.CommandsPerSecond, measuring.Token),
            Task.Delay(settings.Duration));
        recorder.Stop();
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuAfter = CpuSeconds();
        var statsAfter = fleet.Statistics();
        var connected = fleet.ConnectedCount;
        var lagAtEnd = await IngestLengthAsync();

        await stop.CancelAsync();
        await run;
        var drain = Stopwatch.StartNew();
        while (await IngestLengthAsync() > 0 && drain.Elapsed < TimeSpan.FromMinutes(5))
        {
            await Task.Delay(100);
        }

        var samples = recorder.Samples;
        var all = samples.Values.SelectMany(s => s).ToList();
        var tickPosts = samples.Where(kv => kv.Key.StartsWith("/api/ticks", StringComparison.Ordinal)).Sum(kv => kv.Value.Length);
        return new StepResult(
            eas, connected, seconds,
            all.Count / seconds,
            tickPosts / seconds,
            (statsAfter.TicksSent - statsBefore.TicksSent) / seconds,
            all.Count == 0 ? 0 : 100.0 * all.Count(s => s.Status == 200) / all.Count,
            all.Where(s => s.Status != 200).GroupBy(s => s.Status).ToDictionary(g => g.Key, g => (long)g.Count()),
            samples.OrderByDescending(kv => kv.Value.Length).Select(kv => Latency(kv.Key, kv.Value)).ToList(),
            cpuAfter.ToDictionary(kv => kv.Key, kv => 100 * (kv.Value - cpuBefore[kv.Key]) / seconds),
            probe.RoundTripsMs.Count, Percentile(probe.RoundTripsMs, 0.50), Percentile(probe.RoundTripsMs, 0.99),
            lagAtEnd, drain.Elapsed.TotalSeconds);
    }

    private Dictionary<string, double> CpuSeconds()
    {
        var cpu = Measured.ToDictionary(name => name, name => app.GetResource(name).ProcessId is { } pid ? ProcessCpu.TreeSeconds(pid) : 0);
        cpu["simulator"] = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        return cpu;
    }

    private async Task<long> IngestLengthAsync() =>
        (long)await redis.GetDatabase().ScriptEvaluateAsync("return redis.call('XLEN', KEYS[1])", [EaRedisKeys.IngestStream]);

    private static RouteLatency Latency(string route, (double Ms, int Status)[] samples) => new(
        route, samples.Length, 100.0 * samples.Count(s => s.Status == 200) / samples.Length,
        Percentile(samples.Select(s => s.Ms).ToList(), 0.50), Percentile(samples.Select(s => s.Ms).ToList(), 0.99));

    private static double Percentile(IReadOnlyList<double> values, double q)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
    }
}
