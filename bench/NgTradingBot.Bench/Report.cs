using System.Globalization;

namespace NgTradingBot.Bench;

/// <summary>Prints the figures as a Markdown table, ready for the README.</summary>
public static class Report
{
    public static void Print(BenchSettings settings, IReadOnlyList<StepResult> results, IReadOnlyDictionary<string, long> telemetry, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine();
        output.WriteLine($"Fleet benchmark: {Environment.ProcessorCount} cores, {settings.Symbols} symbols per EA, warm-up {settings.Warmup.TotalSeconds:0} s, measured {settings.Duration.TotalSeconds:0} s per size, Release build, telemetry {(settings.Telemetry ? $"exported ({Describe(telemetry)})" : "off")}.");
        output.WriteLine();
        output.WriteLine("| EAs | connected / streaming | requests/s | tick posts/s | ticks/s | 200s | ticks p50 / p99 ms | get_commands p50 / p99 ms | command round trip p50 / p99 ms (n) | CPU % gateway / core / postgres / redis / simulator | ingest lag at end | drain s | steal % |");
        output.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            var ticks = r.Routes.FirstOrDefault(x => x.Route == "/api/ticks");
            var poll = r.Routes.FirstOrDefault(x => x.Route == "/api/get_commands");
            output.WriteLine(string.Create(c,
                $"| {r.Eas} | {r.Connected} / {r.Streaming} | {r.RequestsPerSecond:0} | {r.TickPostsPerSecond:0} | {r.TicksPerSecond:0} | {r.OkPercent:0.00} % "
                + $"| {ticks?.P50:0.0} / {ticks?.P99:0.0} | {poll?.P50:0.0} / {poll?.P99:0.0} | {r.CommandP50:0} / {r.CommandP99:0} ({r.CommandsMeasured}) "
                + $"| {r.CpuPercent["gateway"]:0} / {r.CpuPercent["core"]:0} / {r.CpuPercent["postgres"]:0} / {r.CpuPercent["redis"]:0} / {r.CpuPercent["simulator"]:0} "
                + $"| {r.IngestLagAtEnd} | {r.DrainSeconds:0.0} | {r.StealPercent:0} |"));
        }
        foreach (var r in results)
        {
            output.WriteLine(string.Create(c, $"{r.Eas} EAs, requests/s by route: ")
                + string.Join(", ", r.Routes.Select(x => string.Create(c, $"{x.Route} {x.Requests / r.Seconds:0.#} (p99 {x.P99:0} ms)"))));
        }
        foreach (var r in results.Where(r => r.OtherStatuses.Count > 0))
        {
            output.WriteLine($"{r.Eas} EAs, answers other than 200 (-1 = no answer): "
                + string.Join(", ", r.OtherStatuses.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} x{kv.Value}")));
        }
        output.WriteLine();
        output.WriteLine("""
            CPU % is of one core (200 % = both cores busy). The simulator runs on the same 2 cores as the system,
            and all its EAs share one address, so the per-address rate limit is lifted for the run. Streaming EAs hold
            a symbol list (an EA whose start-up symbol request failed streams nothing until a heartbeat brings one).
            Steal % is the share of the machine's CPU time the hypervisor gave to other guests during the window.
            """);
    }

    private static string Describe(IReadOnlyDictionary<string, long> telemetry) => telemetry.Count == 0
        ? "nothing received"
        : string.Join(", ", telemetry.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key.Replace("/v1/", "")} {kv.Value / 1024} KiB"));
}
