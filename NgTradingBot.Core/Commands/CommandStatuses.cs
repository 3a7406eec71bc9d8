namespace NgTradingBot.Core.Commands;

/// <summary>
/// The command lifecycle; every step is a <c>command_events</c> row with its reason.
/// <list type="bullet">
/// <item>PENDING -> DELIVERED (the gateway handed it to the EA, at most once per attempt) -> COMPLETED | FAILED (the EA's answer).</item>
/// <item>DELIVERED -> PENDING: a retry. The EA answered with an error that provably executed nothing
/// (<see cref="RetryableFailures"/>) and attempts are left (<see cref="CommandRetryOptions"/>): the command waits,
/// PENDING with <c>retry_at</c> set, and is queued again as attempt n+1 under its own id (<see cref="CommandAttempts"/>).
/// Any other failure, or the last attempt's, is FAILED.</item>
/// <item>PENDING -> EXPIRED (not delivered before expires_at, a waiting retry included; never retried) | CANCELLED.</item>
/// <item>DELIVERED -> TIMED_OUT (no answer in time), or OUTCOME_UNKNOWN for an OPEN_TRADE: a position may exist, so it
/// is never re-sent; <see cref="OutcomeResolver"/> makes it COMPLETED when the position it opened is reported, FAILED
/// when none appears within <c>Commands:OutcomeResolveWithin</c>, and an operator can resolve it by hand.</item>
/// </list>
/// </summary>
public static class CommandStatuses
{
    public const string Pending = "PENDING";
    public const string Delivered = "DELIVERED";
    public const string Completed = "COMPLETED";
    public const string Failed = "FAILED";
    public const string Expired = "EXPIRED";
    public const string TimedOut = "TIMED_OUT";
    public const string Cancelled = "CANCELLED";
    public const string OutcomeUnknown = "OUTCOME_UNKNOWN";

    public static IReadOnlyList<string> All { get; } = [Pending, Delivered, Completed, Failed, Expired, TimedOut, Cancelled, OutcomeUnknown];

    /// <summary>Not finished yet (matched by the partial index commands_open).</summary>
    public static readonly string[] Open = [Pending, Delivered, OutcomeUnknown];

    /// <summary>Nothing more will happen to a command in these states.</summary>
    public static bool IsFinal(string status) => status is Completed or Failed or Expired or TimedOut or Cancelled;

    /// <summary>A response arriving in these states is a duplicate: the command's outcome is already known.</summary>
    public static bool HasOutcome(string status) => status is Completed or Failed;
}

/// <summary>CRITICAL is delivered before HIGH, NORMAL and LOW; FIFO within a priority. Stored as 0..3.</summary>
public static class CommandPriority
{
    public const string Normal = "NORMAL";

    public static IReadOnlyList<string> Names { get; } = ["CRITICAL", "HIGH", Normal, "LOW"];

    public static bool TryParse(string? name, out int priority)
    {
        priority = Names.ToList().FindIndex(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        return priority >= 0;
    }

    public static string Name(int priority) => priority >= 0 && priority < Names.Count ? Names[priority] : priority.ToString();
}
