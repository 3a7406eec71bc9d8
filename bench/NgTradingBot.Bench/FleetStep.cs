using System.Diagnostics;
using NgTradingBot.EaSimulator;
using NgTradingBot.Handoff;
using StackExchange.Redis;

namespace NgTradingBot.Bench;

/// <summary>Runs one fleet size against the running composition and measures it after warm-up.</summary>
public sealed class FleetStep(DistributedApplication app, BenchSettings settings, ConnectionMultiplexer redis)
{
    private readonly ServiceCpu _cpu = new(app, "gateway", "core", "postgres", "redis");

    public async Task<StepResult> RunAsync(int eas, long loginBase)
    {
        var template = new EaOptions
        {
            ServerUrl = GatewayUrl("command"),
            TicksUrl = GatewayUrl("ticks") + "/api/ticks",
            TradesUrl = GatewayUrl("trades") + "/api/trades/update",
            LogsUrl = GatewayUrl("logs") + "/api/log",
            AvailableSymbols = SymbolCatalog.CommonSymbols.Take(settings.Symbols).ToList(),
        };
        using var recorder = new LatencyRecorder();
        using var http = new HttpClient(recorder) { Timeout = Timeout.InfiniteTimeSpan };
        using var core = new HttpClient { BaseAddress = app.GetEndpoint("core", "http") };
        core.DefaultRequestHeaders.Authorization = new("Bearer", CompositionKeys.Operator(app));
        await using var fleet = new EaFleet(template, eas, loginBase, http);
        using var stop = new CancellationTokenSource();
        var run = fleet.RunAsync(stop.Token);
        using var probing = new CancellationTokenSource(settings.Warmup + settings.Duration);
        var probe = new CommandProbe(core);
        var probeRun = probe.RunAsync(loginBase, eas, settings.CommandsPerSecond, probing.Token);

        await Task.Delay(settings.Warmup);
        var statsBefore = fleet.Statistics();
        var cpuBefore = _cpu.Read();
        var stealBefore = MachineSteal.Read();
        var streaming = fleet.Eas.Count(ea => ea.Symbols.Count > 0);
        Console.WriteLine($"warm-up of {eas} EAs, requests (failed) by route: " + string.Join(", ", statsBefore.Routes.Values
            .OrderByDescending(r => r.Requests).Select(r => $"{r.Route} {r.Requests} ({r.Failed})"))
            + "; statuses: " + string.Join(", ", statsBefore.Statuses.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} x{kv.Value}")));
        var clock = Stopwatch.StartNew();
        recorder.Start();
        probe.StartMeasuring();
        await Task.WhenAll(probeRun, Task.Delay(settings.Duration));
        recorder.Stop();
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuAfter = _cpu.Read();
        var steal = MachineSteal.PercentBetween(stealBefore, MachineSteal.Read());
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
            eas, connected, streaming, seconds,
            all.Count / seconds,
            tickPosts / seconds,
            (statsAfter.TicksSent - statsBefore.TicksSent) / seconds,
            all.Count == 0 ? 0 : 100.0 * all.Count(s => s.Status == 200) / all.Count,
            all.Where(s => s.Status != 200).GroupBy(s => s.Status).ToDictionary(g => g.Key, g => (long)g.Count()),
            samples.OrderByDescending(kv => kv.Value.Length).Select(kv => Latency(kv.Key, kv.Value)).ToList(),
            ServiceCpu.Between(cpuBefore, cpuAfter, seconds, scale: 100),
            probe.RoundTripsMs.Count, Percentile(probe.RoundTripsMs, 0.50), Percentile(probe.RoundTripsMs, 0.99),
            lagAtEnd, drain.Elapsed.TotalSeconds, steal);
    }

    // Both lanes (an earlier commit under test has only the data lane; the other key is then absent and counts 0).
    private async Task<long> IngestLengthAsync() =>
        await redis.GetDatabase().StreamLengthAsync(EaRedisKeys.IngestStream) + await redis.GetDatabase().StreamLengthAsync(EaRedisKeys.IngestStream + ":commands");

    private string GatewayUrl(string endpoint) => app.GetEndpoint("gateway", endpoint).ToString().TrimEnd('/');

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
