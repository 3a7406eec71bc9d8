using System.Globalization;
using NgTradingBot.Client;

namespace NgTradingBot.Web.Commands;

/// <summary>The command list's filter choices, and the query they make.</summary>
public static class CommandFilterChoices
{
    public const int PageSize = 100;

    public static readonly IReadOnlyList<string> States =
    [
        CommandStatus.Pending, CommandStatus.Delivered, CommandStatus.Completed, CommandStatus.Failed, CommandStatus.Expired,
        CommandStatus.TimedOut, CommandStatus.Cancelled, CommandStatus.OutcomeUnknown,
    ];

    public static readonly IReadOnlyList<string> Types = ["OPEN_TRADE", "MODIFY_TRADE", "CLOSE_TRADE", "REQUEST_HISTORICAL_DATA"];

    /// <summary>How far back the list reaches; the last choice is the whole history.</summary>
    public static readonly IReadOnlyList<(string Label, TimeSpan? Span)> Windows =
        [("15 minutes", TimeSpan.FromMinutes(15)), ("1 hour", TimeSpan.FromHours(1)), ("1 day", TimeSpan.FromDays(1)), ("7 days", TimeSpan.FromDays(7)), ("all time", null)];

    /// <summary>The query for the chosen filters; an empty or unknown choice means no filter.</summary>
    public static CommandQuery Query(string login, string status, string type, string window, DateTimeOffset now) => new(
        long.TryParse(login, NumberStyles.None, CultureInfo.InvariantCulture, out var account) ? account : null,
        States.Contains(status) ? status : null,
        Types.Contains(type) ? type : null,
        Windows.FirstOrDefault(w => w.Label == window).Span is { } span ? now - span : null,
        Limit: PageSize);
}
