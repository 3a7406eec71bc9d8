using System.ComponentModel.DataAnnotations;

namespace NgTradingBot.Core.Ingest;

/// <summary>Bound from <c>Ingest</c>: how Core drains the gateway's ingest stream into PostgreSQL.</summary>
public sealed class IngestOptions : IValidatableObject
{
    public const string SectionName = "Ingest";

    /// <summary>Stream entries stored per transaction.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>Wait after an empty read (StackExchange.Redis multiplexes one connection, so it never blocks on a stream read).</summary>
    public TimeSpan IdlePollDelay { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// This instance's name in the consumer group. Keep it stable across restarts (the entries it read
    /// but never acknowledged are re-read under this name) and unique per Core instance.
    /// </summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9._-]{1,64}$")]
    public string ConsumerName { get; set; } = "core";

    /// <summary>
    /// Entries another consumer read and left unacknowledged this long are taken over (that Core instance
    /// is gone). Longer than any batch takes to store, so a live instance's work is never taken from it.
    /// </summary>
    public TimeSpan ClaimAbandonedAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest wait between retries while PostgreSQL or Redis is unreachable.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the stream length (the backlog) is sampled for the lag gauge.</summary>
    public TimeSpan LagSampleInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long receipts are kept; they only guard entries that were stored but not yet acknowledged.</summary>
    public TimeSpan ReceiptRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// A stored open position missing from every complete positions list of the account's tick batches for this long
    /// is closed by reconciliation (SYNC_RECONCILIATION); any list that holds it resets the clock.
    /// </summary>
    public TimeSpan ClosePositionsMissingFor { get; set; } = TimeSpan.FromSeconds(10);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        (string Name, TimeSpan Value, TimeSpan Min, TimeSpan Max)[] ranges =
        [
            (nameof(IdlePollDelay), IdlePollDelay, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(5)),
            (nameof(MaxRetryDelay), MaxRetryDelay, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5)),
            (nameof(LagSampleInterval), LagSampleInterval, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5)),
            (nameof(ReceiptRetention), ReceiptRetention, TimeSpan.FromMinutes(10), TimeSpan.FromDays(90)),
            (nameof(ClaimAbandonedAfter), ClaimAbandonedAfter, TimeSpan.FromSeconds(10), TimeSpan.FromDays(1)),
            (nameof(ClosePositionsMissingFor), ClosePositionsMissingFor, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1)),
        ];
        foreach (var (name, value, min, max) in ranges.Where(r => r.Value < r.Min || r.Value > r.Max))
        {
            yield return new ValidationResult($"Ingest:{name} must be between {min} and {max}.", [name]);
        }
    }
}
