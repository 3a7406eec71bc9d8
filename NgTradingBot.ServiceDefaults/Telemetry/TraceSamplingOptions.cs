using System.ComponentModel.DataAnnotations;

namespace NgTradingBot.ServiceDefaults.Telemetry;

/// <summary>
/// Bound from <c>Telemetry:Sampling</c>. A service that answers thousands of identical requests a second (the
/// gateway's tick posts and polls) traces only a share of them, and background loops trace a share of their store
/// calls; counts and latencies stay complete in the metrics.
/// </summary>
public sealed class TraceSamplingOptions
{
    public const string SectionName = "Telemetry:Sampling";

    /// <summary>Request paths (prefixes) traced at <see cref="HighFrequencyRatio"/>; every other request is traced.</summary>
    public string[] HighFrequencyPaths { get; set; } = [];

    [Range(0.0, 1.0)]
    public double HighFrequencyRatio { get; set; } = 1.0;

    /// <summary>The share of database and cache calls made outside any request (background loops) that are traced.</summary>
    [Range(0.0, 1.0)]
    public double BackgroundRatio { get; set; } = 0.01;
}
