using NgTradingBot.EaProtocol.Domain;

namespace NgTradingBot.EaProtocol.Responses;

/// <summary>
/// Checks a command against what the deployed EA will accept, before it is queued. Every problem found
/// here is a command the EA would reject or, worse, never answer (unknown type), which the legacy
/// server produced: trailing-stop modifies without SL/TP, history requests with date strings, and so on.
/// </summary>
public static class CommandPreflight
{
    /// <summary>The first problem, or null when the EA can execute the command as sent.</summary>
    public static string? FindProblem(FlatCommand command) => command.Type switch
    {
        CommandTypes.OpenTrade => OpenTrade(command),
        CommandTypes.ModifyTrade => ModifyTrade(command),
        CommandTypes.CloseTrade => CloseTrade(command),
        CommandTypes.RequestHistoricalData => RequestHistoricalData(command),
        _ => $"Unsupported command type {command.Type}: the EA answers no command_response for it",
    };

    private static string? OpenTrade(FlatCommand command) =>
        RequireText(command, "symbol")
        ?? (command["order_type"]?.AsText is "BUY" or "SELL" ? null : "OPEN_TRADE needs order_type BUY or SELL")
        ?? RequireNonZeroStops(command)
        ?? (command["volume"] is { } volume && !(volume.AsDecimal > 0m) ? "OPEN_TRADE volume must be a number greater than 0" : null);

    private static string? ModifyTrade(FlatCommand command) =>
        RequireTicket(command)
        ?? RequireNonZeroStops(command)
        ?? (command["trailing_stop"] is { } trailing && trailing.AsBoolean is null
            ? "MODIFY_TRADE trailing_stop must be true or false (a number of pips is not read)"
            : null);

    private static string? CloseTrade(FlatCommand command) =>
        RequireTicket(command)
        ?? (command["reason"] is { } reason && reason.AsText is null
            ? "CLOSE_TRADE reason must be a string (the EA would read the next key's name)"
            : null);

    private static string? RequestHistoricalData(FlatCommand command)
    {
        // The EA compares the timeframe exactly, so only the contract's own spelling passes.
        var timeframe = command["timeframe"]?.AsText;
        var problem = RequireText(command, "symbol")
            ?? (EaWireNames.Timeframes.TryParse(timeframe, out var parsed) && EaWireNames.Timeframes.ToWire(parsed) == timeframe
                ? null
                : $"REQUEST_HISTORICAL_DATA timeframe must be one of {EaWireNames.Timeframes.Expected}");
        if (problem is not null)
        {
            return problem;
        }

        var start = command["start_date"]?.AsDecimal;
        var end = command["end_date"]?.AsDecimal;
        if (start is not > 0m || end is not > 0m || decimal.Truncate(start.Value) != start || decimal.Truncate(end.Value) != end)
        {
            return "REQUEST_HISTORICAL_DATA start_date and end_date must be positive integer Unix seconds (broker time)";
        }

        return start > end ? "REQUEST_HISTORICAL_DATA start_date is after end_date" : null;
    }

    private static string? RequireText(FlatCommand command, string key) =>
        string.IsNullOrWhiteSpace(command[key]?.AsText) ? $"{command.Type} needs a non-empty {key}" : null;

    private static string? RequireTicket(FlatCommand command) =>
        command["ticket"]?.AsDecimal is > 0m and var ticket && decimal.Truncate(ticket) == ticket
            ? null
            : $"{command.Type} needs a positive integer ticket";

    private static string? RequireNonZeroStops(FlatCommand command) =>
        command["sl"]?.AsDecimal is > 0m && command["tp"]?.AsDecimal is > 0m
            ? null
            : $"{command.Type} needs sl and tp greater than 0 (the EA rejects 0 or missing, and cannot remove them)";
}
