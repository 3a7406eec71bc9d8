using System.Collections.Concurrent;
using System.Diagnostics;

namespace NgTradingBot.Bench;

/// <summary>Times every request the simulated EAs make, per route, with its status (-1: no answer), so the report can give percentiles.</summary>
public sealed class LatencyRecorder : DelegatingHandler
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<(double Ms, int Status)>> _samples = new();
    private volatile bool _recording;

    public LatencyRecorder() : base(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
    }

    public void Start()
    {
        _samples.Clear();
        _recording = true;
    }

    public void Stop() => _recording = false;

    public IReadOnlyDictionary<string, (double Ms, int Status)[]> Samples => _samples.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            Record(request, Stopwatch.GetElapsedTime(started), (int)response.StatusCode);
            return response;
        }
        catch (Exception) when (_recording)
        {
            Record(request, Stopwatch.GetElapsedTime(started), -1);
            throw;
        }
    }

    private void Record(HttpRequestMessage request, TimeSpan elapsed, int status)
    {
        if (_recording)
        {
            _samples.GetOrAdd(request.RequestUri!.AbsolutePath, _ => []).Add((elapsed.TotalMilliseconds, status));
        }
    }
}
