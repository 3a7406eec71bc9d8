using System.ComponentModel.DataAnnotations;

namespace NgTradingBot.EaGateway.Heartbeat;

/// <summary>
/// Bound from <c>EaGateway:Heartbeat</c>: what a heartbeat answer may carry besides <c>{"status":"success"}</c>
/// (contract 5.6). With both switches off the answer is exactly that, as the legacy server sends it.
/// </summary>
public sealed class HeartbeatOptions : IValidatableObject
{
    public const string SectionName = "EaGateway:Heartbeat";

    /// <summary>
    /// Waiting commands ride on the heartbeat answer too, taken from the same queue by the same dequeue script as
    /// get_commands (at most once across both paths, <see cref="EaGatewayOptions.CommandsPerPoll"/> at a time).
    /// </summary>
    public bool DeliverCommands { get; set; } = true;

    /// <summary>An EA that heartbeats but streams no ticks is sent its subscription list once (see <c>SymbolRecovery</c>).</summary>
    public bool RecoverSymbols { get; set; } = true;

    /// <summary>
    /// How long an EA must heartbeat, counted from its first heartbeat after its connect, without a single tick
    /// batch before the gateway concludes it holds no symbols. An EA with symbols posts ticks every 50 ms from its
    /// first timer call, which comes with its first heartbeat (both start when OnInit returns).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan TickSilence { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a streaming login's tick traffic is noted in Redis (every gateway notes its own).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:30")]
    public TimeSpan TickNoteInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long one heartbeat waits for Core's symbol list; a slower answer is kept for the next heartbeat. Far
    /// below the EA's 3 s timeout: a heartbeat the EA gives up on makes it reconnect.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01.500")]
    public TimeSpan SymbolListWait { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a fetched list nobody collected is kept (its EA stopped heartbeating meanwhile).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SymbolListKeepTime { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long the per-login observation in Redis outlives the login's last heartbeat, connect or served list.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan ObservationRetention { get; set; } = TimeSpan.FromDays(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // A streaming EA must get at least two chances to be noted before its silence counts.
        if (TickSilence < 2 * TickNoteInterval)
        {
            yield return new ValidationResult($"{SectionName}:TickSilence must be at least twice TickNoteInterval.");
        }
    }
}
