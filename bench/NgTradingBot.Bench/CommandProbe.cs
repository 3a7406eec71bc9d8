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
public sealed class CommandProbe(HttpClient core)
{
    private readonly ConcurrentBag<double> _roundTrips = [];

    public IReadOnlyList<double> RoundTripsMs => [.. _roundTrips];

    public async Task RunAsync(long loginBase, int eas, double perSecond, CancellationToken cancellationToken)
    {
        if (perSecond <= 0)
        {
            return;
        }
        var random = new Random(7);
        var inFlight = new List<Task>();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1 / perSecond));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                inFlight.Add(MeasureOneAsync(loginBase + random.Next(eas), cancellationToken));
            }
        }
        catch (OperationCanceledException)
        {
        }
        await Task.WhenAll(inFlight.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
    }

    private async Task MeasureOneAsync(long login, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var created = await core.PostAsJsonAsync($"/api/accounts/{login}/commands",
            new { type = "CLOSE_TRADE", priority = "HIGH", payload = new { ticket = 1, reason = "BENCH_PROBE" } }, cancellationToken);
        if (!created.IsSuccessStatusCode)
        {
            return;
        }
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetString();
        while (!cancellationToken.IsCancellationRequested)
        {
            var command = await core.GetFromJsonAsync<JsonElement>($"/api/commands/{id}", cancellationToken);
            if (command.GetProperty("status").GetString() is "COMPLETED" or "FAILED" or "TIMED_OUT" or "EXPIRED")
            {
                _roundTrips.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                return;
            }
            await Task.Delay(5, cancellationToken);
        }
    }
}
