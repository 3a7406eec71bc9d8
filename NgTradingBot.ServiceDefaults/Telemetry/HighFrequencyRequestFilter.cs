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
        // The deployed EA's ServerURL may end in "/", so its paths can start with "//".
        var trimmed = path.AsSpan().TrimStart('/');
        foreach (var prefix in options.HighFrequencyPaths)
        {
            if (trimmed.StartsWith(prefix.AsSpan().TrimStart('/'), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
