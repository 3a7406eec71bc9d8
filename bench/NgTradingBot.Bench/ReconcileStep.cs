using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;

namespace NgTradingBot.Bench;

/// <summary>
/// How long Core takes to reconcile one account holding many open positions to the EA's complete list
/// (<c>/api/trades/sync</c>, asked of Core directly, as the gateway does): the first list inserts them all, then lists
/// where nothing changed and lists where every position's profit moved (a live market), and one list without a position.
/// Times are round trips on loopback: Core's parsing, its transaction and the answer.
/// </summary>
public sealed class ReconcileStep(DistributedApplication app)
{
    private const long Login = 59_000_000;
    private const int WarmUpRounds = 150;
    private const int Rounds = 100;

    public async Task<ReconcileResult> RunAsync(int positions)
    {
        using var core = app.CreateHttpClient("core");
        core.DefaultRequestHeaders.Authorization = new("Bearer", CompositionKeys.Service(app));
        (await core.PostAsJsonAsync("/internal/ea/connect", new { login = Login, broker = "Bench Broker", availableSymbols = new[] { "EURUSD" } }))
            .EnsureSuccessStatusCode();
        var tickets = Enumerable.Range(1, positions).Select(i => 9_000_000L + i).ToList();

        var first = await TimeAsync(core, Body(tickets, profitCents: 0));
        var unchanged = new List<double>();
        var moved = new List<double>();
        // Warm-up rounds first: the measured ones should not pay the JIT (tiering takes a few hundred calls).
        for (var round = 0; round < WarmUpRounds + Rounds; round++)
        {
            var same = await TimeAsync(core, Body(tickets, profitCents: round));
            var changed = await TimeAsync(core, Body(tickets, profitCents: round + 1));
            if (round >= WarmUpRounds)
            {
                unchanged.Add(same);
                moved.Add(changed);
            }
            // The list just sent again: nothing changed since the last one.
            var repeat = await TimeAsync(core, Body(tickets, profitCents: round + 1));
            if (round >= WarmUpRounds)
            {
                unchanged.Add(repeat);
            }
        }

        var closing = await TimeAsync(core, Body(tickets.Skip(1).ToList(), profitCents: 0));
        return new ReconcileResult(positions, first, Percentile(unchanged, 0.5), Percentile(unchanged, 0.99), Percentile(moved, 0.5),
            Percentile(moved, 0.99), closing);
    }

    private static async Task<double> TimeAsync(HttpClient core, string body)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await core.PostAsync($"/internal/ea/trades-sync?login={Login}", new StringContent(body, Encoding.UTF8, "application/json"));
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        response.EnsureSuccessStatusCode();
        return elapsed;
    }

    private static string Body(IReadOnlyList<long> tickets, int profitCents)
    {
        var trades = tickets.Select(ticket => string.Create(CultureInfo.InvariantCulture,
            $"{{\"ticket\":{ticket},\"symbol\":\"EURUSD\",\"direction\":\"BUY\",\"volume\":0.10,\"open_price\":1.08123,\"open_time\":1730709010,\"sl\":1.07950,\"tp\":1.08550,\"profit\":{profitCents / 100.0:0.00},\"swap\":0.00,\"commission\":-0.35}}"));
        return $"{{\"account\":{Login},\"api_key\":\"bench\",\"trades\":[{string.Join(',', trades)}]}}";
    }

    private static double Percentile(List<double> samples, double quantile)
    {
        var sorted = samples.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(quantile * sorted.Count) - 1)];
    }
}

public sealed record ReconcileResult(int Positions, double FirstMs, double UnchangedP50, double UnchangedP99, double MovedP50, double MovedP99,
    double OneClosedMs)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"Reconciling {Positions} open positions (/api/trades/sync round trip to Core, ms): first list {FirstMs:0.0}; unchanged p50 {UnchangedP50:0.0} / p99 {UnchangedP99:0.0}; every profit moved p50 {MovedP50:0.0} / p99 {MovedP99:0.0}; one position gone {OneClosedMs:0.0}");
}
