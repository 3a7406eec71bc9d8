using System.ComponentModel.DataAnnotations;

namespace NgTradingBot.Core.MarketData;

/// <summary>Bound from <c>MarketData</c>: how long ticks and equity samples are kept, and how densely the equity curve is sampled.</summary>
public sealed class MarketDataOptions
{
    public const string SectionName = "MarketData";

    /// <summary>Ticks are kept by the UTC day Core received them; a day's partition is dropped once all of it is older than this.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan TickRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Daily tick partitions created ahead of today, so ingest never meets a day without one.</summary>
    [Range(1, 30)]
    public int PartitionsAhead { get; set; } = 3;

    /// <summary>How often partitions are created ahead and old ticks and equity samples removed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan RetentionCheckInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>At most one equity sample per account in this interval (a balance change is sampled at once).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan EquitySampleInterval { get; set; } = TimeSpan.FromMinutes(1);

    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan EquityRetention { get; set; } = TimeSpan.FromDays(90);
}
