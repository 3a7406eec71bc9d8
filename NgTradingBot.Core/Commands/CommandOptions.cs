using System.ComponentModel.DataAnnotations;

namespace NgTradingBot.Core.Commands;

/// <summary>Bound from <c>Commands</c>: expiry, response timeout, how long an unknown outcome may stay unknown, and the background sweeps.</summary>
public sealed class CommandOptions : IValidatableObject
{
    public const string SectionName = "Commands";

    /// <summary>A delivered command without a response after this is TIMED_OUT (OUTCOME_UNKNOWN for OPEN_TRADE).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>expiresInSeconds when the request gives none: an undelivered command after this is EXPIRED.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan DefaultExpiresIn { get; set; } = TimeSpan.FromSeconds(60);

    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan MaxExpiresIn { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The most commands one <c>POST /api/accounts/{login}/commands/batch</c> may carry.</summary>
    [Range(1, 1000)]
    public int MaxBatchSize { get; set; } = 100;

    /// <summary>How far a protected command's <c>signalAt</c> may lie ahead of Core's clock (the strategy's clock runs ahead).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan MaxSignalClockSkew { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A price-guarded order is checked against the account's last quote of its symbol only if that quote is at most
    /// this old when the order would be delivered; without one the price cannot be checked and the order expires.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan PriceGuardQuoteAge { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often expiry and response timeouts are checked.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A PENDING command older than this that Redis does not hold is enqueued again (a lost enqueue).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan RelayAge { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long Redis keeps a finished command, so a late response is still attributed to its account.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan RetainFinishedFor { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The longest <c>?wait=</c> a caller may ask for on <c>GET /api/commands/{id}</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A waiting caller's command is read again this often even without an announcement (one lost while Redis was away).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan WaitRecheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>An account's event stream sends a comment this often, so proxies keep an idle stream open.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan EventStreamKeepAlive { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How many changes an account's event stream holds for a reader that falls behind; beyond it the oldest go, and
    /// the stream says how many (a <c>missed</c> event).
    /// </summary>
    [Range(10, 100_000)]
    public int EventStreamBacklog { get; set; } = 1000;

    /// <summary>
    /// An OUTCOME_UNKNOWN OPEN_TRADE whose position has not been reported this long after its delivery is FAILED
    /// (the EA reports a new position at once, and every open one every 10 s).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:02", "1.00:00:00")]
    public TimeSpan OutcomeResolveWithin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How far a position's open time may lie before its command's delivery and still be the command's: broker times
    /// are whole seconds, and the broker offset is an estimate from the tick batches.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan OutcomeClockSlack { get; set; } = TimeSpan.FromSeconds(5);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (OutcomeResolveWithin <= ResponseTimeout)
        {
            yield return new ValidationResult("Commands:OutcomeResolveWithin must exceed ResponseTimeout.", [nameof(OutcomeResolveWithin)]);
        }

        if (DefaultExpiresIn > MaxExpiresIn)
        {
            yield return new ValidationResult("Commands:DefaultExpiresIn must not exceed MaxExpiresIn.", [nameof(DefaultExpiresIn)]);
        }
    }
}
