namespace NgTradingBot.Core.Commands;

/// <summary>An operator's ruling on an OUTCOME_UNKNOWN command: <c>{"status":"COMPLETED"|"FAILED","ticket":optional,"reason":"..."}</c>.</summary>
public sealed record ResolveCommandRequest(string? Status, long? Ticket, string? Reason)
{
    public const int MaxReasonLength = 500;

    /// <summary>The first problem with the request, or null; <paramref name="status"/> is the upper-case status.</summary>
    public string? Problem(out string status)
    {
        status = Status?.Trim().ToUpperInvariant() ?? "";
        if (status is not (CommandStatuses.Completed or CommandStatuses.Failed))
        {
            return $"status must be {CommandStatuses.Completed} or {CommandStatuses.Failed}";
        }

        if (string.IsNullOrWhiteSpace(Reason))
        {
            return "reason is required: say why the outcome is known";
        }

        if (Reason.Length > MaxReasonLength || Reason.Any(char.IsControl))
        {
            return $"reason must be at most {MaxReasonLength} printable characters";
        }

        if (Ticket is <= 0)
        {
            return "ticket must be a positive position ticket";
        }

        return Ticket is not null && status == CommandStatuses.Failed ? "a FAILED command opened no position: leave ticket out" : null;
    }
}
