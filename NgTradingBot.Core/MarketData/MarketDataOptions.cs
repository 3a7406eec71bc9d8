using System.ComponentModel.DataAnnotations;

namespace NgTradingBot.Core.MarketData;

/// <summary>Bound from <c>MarketData</c>: how long ticks and equity samples are kept, and how densely the equity curve is sampled.</summary>
public sealed class MarketDataOptions : IValidatableObject
{
    public const string SectionName = "MarketData";

    /// <summary>Ticks are kept by the UTC day Core received them; a day's partition is dropped once all of it is older than this.</summary>
    public TimeSpan TickRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Daily tick partitions created ahead of today, so ingest never meets a day without one.</summary>
    [Range(1, 30)]
    public int PartitionsAhead { get; set; } = 3;

    /// <summary>How often partitions are created ahead and old ticks and equity samples removed.</summary>
    public TimeSpan RetentionCheckInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>At most one equity sample per account in this interval (a balance change is sampled at once).</summary>
    public TimeSpan EquitySampleInterval { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan EquityRetention { get; set; } = TimeSpan.FromDays(90);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        (string Name, TimeSpan Value, TimeSpan Min, TimeSpan Max)[] ranges =
        [
            (nameof(TickRetention), TickRetention, TimeSpan.FromDays(1), TimeSpan.FromDays(3650)),
            (nameof(RetentionCheckInterval), RetentionCheckInterval, TimeSpan.FromMilliseconds(100), TimeSpan.FromDays(1)),
            (nameof(EquitySampleInterval), EquitySampleInterval, TimeSpan.FromMilliseconds(100), TimeSpan.FromDays(1)),
            (nameof(EquityRetention), EquityRetention, TimeSpan.FromDays(1), TimeSpan.FromDays(3650)),
        ];
        foreach (var (name, value, min, max) in ranges.Where(r => r.Value < r.Min || r.Value > r.Max))
        {
            yield return new ValidationResult($"{SectionName}:{name} must be between {min} and {max}.", [name]);
        }
    }
}
