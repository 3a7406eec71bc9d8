using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using NgTradingBot.Client;
using NgTradingBot.EaSimulator;

namespace NgTradingBot.Bench;

/// <summary>
/// Orders end to end through the typed client: strategies create orders and wait for each outcome while wire-level EAs
/// (one per account, the EA's requests without its terminal) poll, take the orders and answer them at once. It
/// reports the server's own time on an order's path, the waits between the EA's polls left out:
/// create (the request until the order is stored and queued) plus the poll that carried it; and from the EA's
/// answer being accepted by the gateway to the waiting strategy seeing the outcome.
/// </summary>
public sealed class OrderStep(DistributedApplication app, BenchSettings settings)
{
    private const long LoginBase = 58_000_000;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    private readonly ConcurrentDictionary<string, double> _pollMsById = new();
    private readonly ConcurrentDictionary<string, (long Sent, long Accepted)> _answeredAt = new();
    private readonly ServiceCpu _cpu = new(app, "gateway", "core", "postgres", "redis", "web");

    public async Task<OrderResult> RunAsync()
    {
        using var gateway = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue }) { BaseAddress = app.GetEndpoint("gateway", "command") };
        var keys = new Dictionary<long, string>();
        for (var i = 0; i < settings.OrderAccounts; i++)
        {
            var login = LoginBase + i;
            using var connected = await gateway.PostAsync("/api/connect", Body(EaRequestBodies.Connect(login, "Bench Broker", 1730709000, ["EURUSD"])));
            keys[login] = EaResponseParser.ApiKey(await connected.Content.ReadAsStringAsync());
        }

        using var stop = new CancellationTokenSource();
        var eas = keys.Select(kv => Task.Run(() => RunEaAsync(gateway, kv.Key, kv.Value, stop.Token))).ToList();
        using var core = new OperatorClient(new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue }) { BaseAddress = app.GetEndpoint("core", "http") },
            CompositionKeys.Operator(app));

        await RunStrategiesAsync(core, keys.Keys.ToList(), settings.Warmup, []);
        var measured = new ConcurrentBag<Sample>();
        var cpuBefore = _cpu.Read();
        var clock = Stopwatch.StartNew();
        var completed = await RunStrategiesAsync(core, keys.Keys.ToList(), settings.Duration, measured);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuAfter = _cpu.Read();
        await stop.CancelAsync();
        await Task.WhenAll(eas);

        var samples = measured.ToList();
        var delivery = samples.Where(s => _pollMsById.ContainsKey(s.Id)).Select(s => s.CreateMs + _pollMsById[s.Id]).ToList();
        return new OrderResult(settings.OrderAccounts, settings.OrderConcurrency, settings.OrderBatch, completed / seconds,
            Percentiles(samples.Select(s => s.CreateMs)), Percentiles(delivery),
            Percentiles(samples.Select(s => s.VisibleAfterSentMs)), Percentiles(samples.Select(s => s.VisibleAfterAnswerMs)),
            Percentiles(samples.Select(s => s.StoredMs)), samples.Count,
            ServiceCpu.Between(cpuBefore, cpuAfter, seconds, scale: 100), ServiceCpu.Between(cpuBefore, cpuAfter, Math.Max(1, completed), scale: 1000));
    }

    private sealed record Sample(string Id, double CreateMs, double VisibleAfterSentMs, double VisibleAfterAnswerMs, double StoredMs);

    private async Task<long> RunStrategiesAsync(OperatorClient core, IReadOnlyList<long> logins, TimeSpan duration, ConcurrentBag<Sample> measured)
    {
        var completed = 0L;
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, settings.OrderConcurrency).Select(strategy => settings.OrderBatch > 1
            ? RunBatchStrategyAsync(core, logins[strategy % logins.Count], until, measured, () => Interlocked.Increment(ref completed))
            : RunStrategyAsync(core, logins[strategy % logins.Count], until, measured, () => Interlocked.Increment(ref completed))));
        return completed;
    }

    private static readonly OrderRequest Order = new("EURUSD", OrderSide.Buy, StopLoss: 1.0500m, TakeProfit: 1.1500m) { CreatedBy = "bench" };

    // One order at a time: create it, then a long poll until its outcome.
    private async Task RunStrategyAsync(OperatorClient core, long login, long until, ConcurrentBag<Sample> measured, Action completed)
    {
        while (Stopwatch.GetTimestamp() < until)
        {
            var started = Stopwatch.GetTimestamp();
            var created = await core.CreateOrderAsync(login, Order);
            var createMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var outcome = await core.WaitForOutcomeAsync(created.Id, TimeSpan.FromSeconds(60));
            Record(created.Id, outcome, createMs, Stopwatch.GetTimestamp(), measured, completed);
        }
    }

    // settings.OrderBatch orders in one request, their outcomes followed on the account's event stream as each arrives.
    private async Task RunBatchStrategyAsync(OperatorClient core, long login, long until, ConcurrentBag<Sample> measured, Action completed)
    {
        await using var watch = await core.WatchCommandsAsync(login);
        var batch = Enumerable.Repeat(Order, settings.OrderBatch).ToList();
        while (Stopwatch.GetTimestamp() < until)
        {
            var started = Stopwatch.GetTimestamp();
            var created = await core.CreateOrdersAsync(login, batch);
            var createMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var open = created.Select(c => c.Id).ToHashSet();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await foreach (var change in watch.ReadAllAsync(timeout.Token))
            {
                if (watch.MissedChanges > 0)
                {
                    // An outcome dropped would never be timed: the figures would be wrong, not merely slower.
                    throw new InvalidOperationException($"The watch of account {login} fell behind and lost {watch.MissedChanges} changes");
                }
                if (change.Command.IsFinal && open.Remove(change.Id))
                {
                    Record(change.Id, change.Command, createMs, Stopwatch.GetTimestamp(), measured, completed);
                    if (open.Count == 0)
                    {
                        break;
                    }
                }
            }
        }
    }

    private void Record(string id, Command outcome, double createMs, long visible, ConcurrentBag<Sample> measured, Action completed)
    {
        if (outcome.Status != CommandStatus.Completed)
        {
            return;
        }
        completed();
        if (_answeredAt.TryRemove(id, out var answered))
        {
            measured.Add(new Sample(id, createMs, Stopwatch.GetElapsedTime(answered.Sent, visible).TotalMilliseconds,
                Stopwatch.GetElapsedTime(answered.Accepted, visible).TotalMilliseconds, outcome.Latency?.StoredMs ?? double.NaN));
        }
    }

    // The EA's command loop on the wire: poll, execute each command at once, answer it; then wait for the next timer call.
    private async Task RunEaAsync(HttpClient gateway, long login, string key, CancellationToken stop)
    {
        var ticket = login * 1000;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var started = Stopwatch.GetTimestamp();
                using var poll = await gateway.PostAsync("/api/get_commands", Body(EaRequestBodies.AccountAndKey(login, key)), stop);
                var text = await poll.Content.ReadAsStringAsync(stop);
                var pollMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                using var document = JsonDocument.Parse(text);
                var commands = document.RootElement.GetProperty("commands").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList();
                foreach (var id in commands)
                {
                    _pollMsById[id] = pollMs;
                    var response = string.Create(CultureInfo.InvariantCulture,
                        $"{{\"ticket\":{++ticket},\"price\":1.10000,\"volume\":0.01,\"sl\":1.05000,\"tp\":1.15000,\"tpsl_verified\":true}}");
                    var sent = Stopwatch.GetTimestamp();
                    using var answered = await gateway.PostAsync("/api/command_response",
                        Body(EaRequestBodies.CommandResponse(login, key, id, "completed", response)), stop);
                    if (answered.IsSuccessStatusCode)
                    {
                        _answeredAt[id] = (sent, Stopwatch.GetTimestamp());
                    }
                }
                if (commands.Count == 0)
                {
                    await Task.Delay(PollInterval, stop);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    private static (double P50, double P99) Percentiles(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToList();
        return sorted.Count == 0 ? (double.NaN, double.NaN) : (At(0.5), At(0.99));
        double At(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
    }
}

/// <param name="CpuPercent">Per process, % of one core over the measured window.</param>
/// <param name="CpuMsPerOrder">Per process, CPU milliseconds per completed order.</param>
public sealed record OrderResult(int Accounts, int Strategies, int Batch, double OrdersPerSecond, (double P50, double P99) Create, (double P50, double P99) Delivery,
    (double P50, double P99) VisibleAfterSent, (double P50, double P99) VisibleAfterAnswer, (double P50, double P99) Stored, int Measured,
    IReadOnlyDictionary<string, double> CpuPercent, IReadOnlyDictionary<string, double> CpuMsPerOrder)
{
    public override string ToString() =>
        FormattableString.Invariant($"Orders through the typed client ({Accounts} accounts, {Strategies} strategies {(Batch > 1 ? $"sending {Batch} orders per request, following outcomes on the account's event stream" : "waiting on each outcome")}): {OrdersPerSecond:0} completed orders/s; ")
        + FormattableString.Invariant($"create (stored and queued; the whole request when batched) p50 {Create.P50:0.00} / p99 {Create.P99:0.00} ms; server time create to delivered (create + the poll carrying it) ")
        + FormattableString.Invariant($"p50 {Delivery.P50:0.00} / p99 {Delivery.P99:0.00} ms; EA answer sent to outcome seen by the waiting strategy p50 {VisibleAfterSent.P50:0.00} / p99 {VisibleAfterSent.P99:0.00} ms ")
        + FormattableString.Invariant($"(from the answer's 200: p50 {VisibleAfterAnswer.P50:0.00} / p99 {VisibleAfterAnswer.P99:0.00} ms), of which answered to stored (Core's record) ")
        + FormattableString.Invariant($"p50 {Stored.P50:0.00} / p99 {Stored.P99:0.00} ms ({Measured} orders measured); CPU % of a core / ms per order: ")
        + string.Join(", ", CpuPercent.Keys.Select(k => FormattableString.Invariant($"{k} {CpuPercent[k]:0} / {CpuMsPerOrder[k]:0.00}")));
}
