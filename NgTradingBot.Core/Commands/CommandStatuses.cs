namespace NgTradingBot.Core.Commands;

/// <summary>
/// The command lifecycle: PENDING -> DELIVERED -> COMPLETED | FAILED, plus EXPIRED (never delivered in
/// time), CANCELLED, TIMED_OUT (delivered, no answer in time) and OUTCOME_UNKNOWN (an OPEN_TRADE with no
/// answer: a position may exist, so it must never be retried blindly).
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
