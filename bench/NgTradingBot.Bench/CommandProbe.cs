using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace NgTradingBot.Bench;

/// <summary>
/// Measures a command's round trip as a strategy sees it: created through Core's API, delivered on the
/// EA's next poll, executed, answered, and recorded as final in PostgreSQL. It closes a ticket that does
/// not exist, so the EA answers "Position not found" at once and nothing is traded.
/// </summary>
/// <remarks>
/// One status poll every <see cref="PollInterval"/> in all, taken in turn by the commands still open: a probe
/// polling each open command on its own adds load as commands pile up, which slows the system, which piles up
/// more commands, until the probe itself is most of what Core and PostgreSQL do. The probe runs through the
/// warm-up too, so Core's command paths are compiled before the measured window; only commands created after
/// <see cref="StartMeasuring"/> count.
/// </remarks>
public sealed class CommandProbe(HttpClient core)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);

    private readonly ConcurrentBag<double> _roundTrips = [];
    private readonly ConcurrentQueue<(string Id, long Started)> _open = new();
    private long _measuredFrom = long.MaxValue;

    public IReadOnlyList<double> RoundTripsMs => [.. _roundTrips];

    public void StartMeasuring() => Interlocked.Exchange(ref _measuredFrom, Stopwatch.GetTimestamp());

    public async Task RunAsync(long loginBase, int eas, double perSecond, CancellationToken cancellationToken)
    {
        if (perSecond <= 0)
        {
            return;
        }
        var poll = PollAsync(cancellationToken);
        var random = new Random(7);
        var creating = new List<Task>();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1 / perSecond));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                creating.Add(CreateAsync(loginBase + random.Next(eas), cancellationToken));
            }
        }
        catch (OperationCanceledException)
        {
        }
        await Task.WhenAll(creating.Append(poll).Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
    }

    private async Task CreateAsync(long login, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var created = await core.PostAsJsonAsync($"/api/accounts/{login}/commands",
            new { type = "CLOSE_TRADE", priority = "HIGH", payload = new { ticket = 1, reason = "BENCH_PROBE" } }, cancellationToken);
        if (created.IsSuccessStatusCode
            && (await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetString() is { } id)
        {
            _open.Enqueue((id, started));
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(PollInterval);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            if (!_open.TryDequeue(out var command))
            {
                continue;
            }
            var state = await core.GetFromJsonAsync<JsonElement>($"/api/commands/{command.Id}", cancellationToken);
            if (state.GetProperty("status").GetString() is "COMPLETED" or "FAILED" or "TIMED_OUT" or "EXPIRED")
            {
                if (command.Started >= Interlocked.Read(ref _measuredFrom))
                {
                    _roundTrips.Add(Stopwatch.GetElapsedTime(command.Started).TotalMilliseconds);
                }
            }
            else
            {
                _open.Enqueue(command);
            }
        }
    }
}
