using System.ComponentModel.DataAnnotations;

namespace NgTradingBot.Core.Connections;

/// <summary>Bound from <c>ConnectionHealth</c>: when an account counts as degraded, disconnected, failed or healthy.</summary>
public sealed class ConnectionHealthOptions : IValidatableObject
{
    public const string SectionName = "ConnectionHealth";

    /// <summary>How often every connection is assessed.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>No request on any route for this long costs the score enough to degrade the connection.</summary>
    public TimeSpan DegradedAfterSilence { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>No request for this long and the connection is over, until traffic brings it back.</summary>
    public TimeSpan DisconnectedAfterSilence { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The seed's rule: healthy only with a heartbeat this recent (while the market is open).</summary>
    public TimeSpan HeartbeatMaxAge { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The EA's broker time standing still this long while its traffic goes on means a closed market: the
    /// deployed EA sends heartbeats only on chart ticks, so their absence is then no sign of trouble.
    /// </summary>
    public TimeSpan MarketClosedAfter { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>A subscribed symbol whose quote has not changed for this long while the market is open costs the score.</summary>
    public TimeSpan StaleQuoteAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Heartbeats slower than this to answer cost the score.</summary>
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
        (string Name, TimeSpan Value, TimeSpan Min, TimeSpan Max)[] ranges =
        [
            (nameof(CheckInterval), CheckInterval, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(1)),
            (nameof(DegradedAfterSilence), DegradedAfterSilence, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1)),
            (nameof(DisconnectedAfterSilence), DisconnectedAfterSilence, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1)),
            (nameof(HeartbeatMaxAge), HeartbeatMaxAge, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1)),
            (nameof(MarketClosedAfter), MarketClosedAfter, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1)),
            (nameof(StaleQuoteAfter), StaleQuoteAfter, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1)),
            (nameof(SlowHeartbeat), SlowHeartbeat, TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(1)),
        ];
        foreach (var (name, value, min, max) in ranges.Where(r => r.Value < r.Min || r.Value > r.Max))
        {
            yield return new ValidationResult($"ConnectionHealth:{name} must be between {min} and {max}.", [name]);
        }
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
