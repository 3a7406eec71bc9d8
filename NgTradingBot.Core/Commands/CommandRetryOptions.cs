using System.ComponentModel.DataAnnotations;

namespace NgTradingBot.Core.Commands;

/// <summary>
/// Bound from <c>Commands:Retry</c>: how often and how soon a command whose failure executed nothing
/// (<see cref="RetryableFailures"/>) is sent again. The delay doubles per attempt up to <see cref="MaxDelay"/>, and a
/// random share of it (<see cref="Jitter"/>) is taken off, so many EAs failing together do not retry together.
/// </summary>
public sealed class CommandRetryOptions : IValidatableObject
{
    public const string SectionName = "Commands:Retry";

    /// <summary>Attempts in all, the first included; 1 turns retries off.</summary>
    [Range(1, 3)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The wait before the second attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Up to this share of each delay is taken off at random (0: none, 1: full jitter).</summary>
    [Range(0.0, 1.0)]
    public double Jitter { get; set; } = 0.5;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (FirstDelay > MaxDelay)
        {
            yield return new ValidationResult("Commands:Retry:FirstDelay must not exceed MaxDelay.", [nameof(FirstDelay)]);
        }
    }
}
