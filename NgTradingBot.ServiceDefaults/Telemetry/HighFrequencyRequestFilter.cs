using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace NgTradingBot.ServiceDefaults.Telemetry;

/// <summary>
/// Decides which requests get a trace: never a health probe, which runs every few seconds and would drown the
/// requests an operator looks for; a share of the high-frequency paths; every other request. A request left out
/// keeps its place in the metrics (count, latency, status), only its spans are not recorded.
/// </summary>
internal sealed class HighFrequencyRequestFilter(TraceSamplingOptions options)
{
    // The deployed EA's ServerURL may end in "/", so its paths can start with "//": both sides compare without
    // their leading slashes, the configured ones trimmed once rather than on every request.
    private readonly string[] _prefixes = [.. options.HighFrequencyPaths.Select(prefix => prefix.TrimStart('/'))];

    public bool ShouldTrace(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments(Extensions.HealthEndpointPath) || path.StartsWithSegments(Extensions.AlivenessEndpointPath))
        {
            return false;
        }
        return !IsHighFrequency(path.Value) || Random.Shared.NextDouble() < options.HighFrequencyRatio;
    }

    private bool IsHighFrequency(string? path)
    {
        var trimmed = path.AsSpan().TrimStart('/');
        foreach (var prefix in _prefixes)
        {
            if (trimmed.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
