using System.ComponentModel.DataAnnotations;

namespace NgTradingBot.Core.Commands;

/// <summary>Bound from <c>Commands</c>: expiry, response timeout and the background sweeps.</summary>
public sealed class CommandOptions : IValidatableObject
{
    public const string SectionName = "Commands";

    /// <summary>A delivered command without a response after this is TIMED_OUT (OUTCOME_UNKNOWN for OPEN_TRADE).</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>expiresInSeconds when the request gives none: an undelivered command after this is EXPIRED.</summary>
    public TimeSpan DefaultExpiresIn { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan MaxExpiresIn { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often expiry and response timeouts are checked.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A PENDING command older than this that Redis does not hold is enqueued again (a lost enqueue).</summary>
    public TimeSpan RelayAge { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long Redis keeps a finished command, so a late response is still attributed to its account.</summary>
    public TimeSpan RetainFinishedFor { get; set; } = TimeSpan.FromDays(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        (string Name, TimeSpan Value, TimeSpan Min, TimeSpan Max)[] ranges =
        [
            (nameof(ResponseTimeout), ResponseTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1)),
            (nameof(DefaultExpiresIn), DefaultExpiresIn, TimeSpan.FromSeconds(1), MaxExpiresIn),
            (nameof(MaxExpiresIn), MaxExpiresIn, TimeSpan.FromSeconds(1), TimeSpan.FromDays(7)),
            (nameof(SweepInterval), SweepInterval, TimeSpan.FromMilliseconds(50), TimeSpan.FromMinutes(1)),
            (nameof(RelayAge), RelayAge, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5)),
            (nameof(RetainFinishedFor), RetainFinishedFor, TimeSpan.FromMinutes(1), TimeSpan.FromDays(30)),
        ];
        foreach (var (name, value, min, max) in ranges.Where(r => r.Value < r.Min || r.Value > r.Max))
        {
            yield return new ValidationResult($"Commands:{name} must be between {min} and {max}.", [name]);
        }
    }
}
