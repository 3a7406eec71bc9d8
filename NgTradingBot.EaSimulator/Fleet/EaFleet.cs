namespace NgTradingBot.EaSimulator;

/// <summary>
/// N simulated EAs with distinct logins (<c>loginBase</c>, <c>loginBase + 1</c>, ...) and seeds, sharing one
/// HttpClient, run concurrently. Starts are spread over one timer interval so the EAs do not poll in lockstep,
/// and ramped at <see cref="DefaultStartsPerSecond"/> as terminals come up one after another: a fleet started in
/// one 50 ms burst measures its own connect storm (every EA whose connect outlasts its 3 s timeout streams nothing
/// for the whole run), not the steady state it is meant to load.
/// </summary>
public sealed class EaFleet : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly double _startsPerSecond;

    public const double DefaultStartsPerSecond = 20;

    /// <param name="template">Options every EA starts from; Login and Seed are set per EA.</param>
    /// <param name="startsPerSecond">How many EAs start each second; <see cref="double.PositiveInfinity"/> starts them all at once.</param>
    public EaFleet(EaOptions template, int count, long loginBase, HttpClient? http = null, double startsPerSecond = DefaultStartsPerSecond)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(loginBase);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(startsPerSecond);
        _startsPerSecond = startsPerSecond;
        _ownsHttp = http is null;
        _http = http ?? SimulatedEa.CreateHttpClient();
        Eas = [.. Enumerable.Range(0, count).Select(i => new SimulatedEa(template with { Login = loginBase + i, Seed = unchecked(template.Seed + i) }, _http))];
    }

    public IReadOnlyList<SimulatedEa> Eas { get; }

    public int ConnectedCount => Eas.Count(ea => ea.Connected);

    /// <summary>EAs unloaded by a critical runtime error.</summary>
    public int CrashedCount => Eas.Count(ea => ea.CrashReason is not null);

    /// <summary>Runs every EA until <paramref name="ct"/> is cancelled; each then sends its OnDeinit log.</summary>
    public Task RunAsync(CancellationToken ct)
    {
        var phase = Eas[0].Options.TimerInterval / Eas.Count;
        var timeProvider = Eas[0].Options.TimeProvider;
        return Task.WhenAll(Eas.Select((ea, i) => RunOneAsync(ea, RampDelay(i) + phase * i, timeProvider, ct)));
    }

    /// <summary>All EAs' counters summed.</summary>
    public EaStatisticsSnapshot Statistics() => EaStatisticsSnapshot.Combine(Eas.Select(ea => ea.Statistics.Snapshot()));

    public async ValueTask DisposeAsync()
    {
        foreach (var ea in Eas)
        {
            await ea.DisposeAsync().ConfigureAwait(false);
        }
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    // An infinite rate needs no case of its own: index / infinity is zero.
    private TimeSpan RampDelay(int index) => TimeSpan.FromSeconds(index / _startsPerSecond);

    private static async Task RunOneAsync(SimulatedEa ea, TimeSpan delay, TimeProvider timeProvider, CancellationToken ct)
    {
        try
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, timeProvider, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return;
        }
        await ea.RunAsync(ct).ConfigureAwait(false);
    }
}
