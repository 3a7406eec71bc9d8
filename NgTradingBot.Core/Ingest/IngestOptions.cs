using System.ComponentModel.DataAnnotations;

namespace NgTradingBot.Core.Ingest;

/// <summary>Bound from <c>Ingest</c>: how Core drains the gateway's ingest stream into PostgreSQL.</summary>
public sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    /// <summary>Stream entries stored per transaction.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>Wait after an empty read of the data lane (StackExchange.Redis multiplexes one connection, so it never blocks on a stream read).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:05")]
    public TimeSpan IdlePollDelay { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// The command lane is read when an append is announced (and after Redis reconnects, when announcements may have
    /// been missed); this is how long it goes without a look otherwise, in case one was lost all the same.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan CommandLaneRecheck { get; set; } = TimeSpan.FromSeconds(1);

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
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan ClaimAbandonedAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest wait between retries while PostgreSQL or Redis is unreachable.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the stream length (the backlog) is sampled for the lag gauge.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan LagSampleInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long receipts are kept; they only guard entries that were stored but not yet acknowledged.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "90.00:00:00")]
    public TimeSpan ReceiptRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// A stored open position missing from every complete positions list of the account's tick batches for this long
    /// is closed by reconciliation (SYNC_RECONCILIATION); any list that holds it resets the clock.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ClosePositionsMissingFor { get; set; } = TimeSpan.FromSeconds(10);
}
