using System.ComponentModel.DataAnnotations;

namespace NgTradingBot.Core.Connections;

/// <summary>Bound from <c>ConnectionHealth</c>: when an account counts as degraded, disconnected, failed or healthy.</summary>
public sealed class ConnectionHealthOptions : IValidatableObject
{
    public const string SectionName = "ConnectionHealth";

    /// <summary>How often every connection is assessed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>No request on any route for this long costs the score enough to degrade the connection.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan DegradedAfterSilence { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>No request for this long and the connection is over, until traffic brings it back.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan DisconnectedAfterSilence { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The seed's rule: healthy only with a heartbeat this recent (while the market is open).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan HeartbeatMaxAge { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The EA's broker time standing still this long while its traffic goes on means a closed market: the
    /// deployed EA sends heartbeats only on chart ticks, so their absence is then no sign of trouble.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MarketClosedAfter { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>A subscribed symbol whose quote has not changed for this long while the market is open costs the score.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan StaleQuoteAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Heartbeats slower than this to answer cost the score.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan SlowHeartbeat { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The seed's rule: healthy only with fewer refused requests in a row than this.</summary>
    [Range(1, 1000)]
    public int MaxConsecutiveFailures { get; set; } = 3;

    /// <summary>This many refused requests in a row, with none answered between, and the connection has failed.</summary>
    [Range(1, 100_000)]
    public int FailedAfterRefusals { get; set; } = 10;

    /// <summary>The seed's rule: healthy only with a score above this.</summary>
    [Range(0, 100)]
    public int MinHealthyScore { get; set; } = 50;

    [Range(1, 100)]
    public int DegradedBelowScore { get; set; } = 70;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DisconnectedAfterSilence <= DegradedAfterSilence)
        {
            yield return new ValidationResult("ConnectionHealth:DisconnectedAfterSilence must be longer than DegradedAfterSilence.",
                [nameof(DisconnectedAfterSilence)]);
        }
        if (MaxConsecutiveFailures > FailedAfterRefusals)
        {
            yield return new ValidationResult("ConnectionHealth:MaxConsecutiveFailures must not exceed FailedAfterRefusals.",
                [nameof(MaxConsecutiveFailures)]);
        }
    }
}
