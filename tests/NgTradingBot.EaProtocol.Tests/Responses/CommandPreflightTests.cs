using NgTradingBot.EaProtocol.Responses;

namespace NgTradingBot.EaProtocol.Tests.Responses;

public class CommandPreflightTests
{
    public static TheoryData<FlatCommand> Executable => new()
    {
        new FlatCommand("1", "OPEN_TRADE", [new("symbol", "EURUSD"), new("order_type", "BUY"), new("volume", 0.1m), new("sl", 1.07m), new("tp", 1.09m)]),
        new FlatCommand("2", "MODIFY_TRADE", [new("ticket", 5L), new("sl", 1.07m), new("tp", 1.09m), new("trailing_stop", true)]),
        new FlatCommand("3", "CLOSE_TRADE", [new("ticket", 5L), new("reason", "TIME_EXIT")]),
        new FlatCommand("4", "REQUEST_HISTORICAL_DATA", [new("symbol", "EURUSD"), new("timeframe", "H4"), new("start_date", 1699142400L), new("end_date", 1730678400L)]),
    };

    public static TheoryData<FlatCommand, string> Rejected => new()
    {
        { new FlatCommand("1", "CLOSE_ALL"), "Unsupported command type CLOSE_ALL: the EA answers no command_response for it" },
        { new FlatCommand("2", "OPEN_TRADE", [new("symbol", "EURUSD"), new("order_type", "buy"), new("sl", 1m), new("tp", 2m)]), "OPEN_TRADE needs order_type BUY or SELL" },
        { new FlatCommand("3", "OPEN_TRADE", [new("symbol", "EURUSD"), new("order_type", "BUY"), new("sl", 1m), new("tp", 0m)]), "OPEN_TRADE needs sl and tp greater than 0 (the EA rejects 0 or missing, and cannot remove them)" },
        { new FlatCommand("4", "MODIFY_TRADE", [new("ticket", 5L), new("trailing_stop", 15)]), "MODIFY_TRADE needs sl and tp greater than 0 (the EA rejects 0 or missing, and cannot remove them)" },
        { new FlatCommand("5", "MODIFY_TRADE", [new("ticket", 5L), new("sl", 1m), new("tp", 2m), new("trailing_stop", 15)]), "MODIFY_TRADE trailing_stop must be true or false (a number of pips is not read)" },
        { new FlatCommand("6", "CLOSE_TRADE", [new("ticket", 5L), new("reason", 3)]), "CLOSE_TRADE reason must be a string (the EA would read the next key's name)" },
        { new FlatCommand("7", "CLOSE_TRADE"), "CLOSE_TRADE needs a positive integer ticket" },
        { new FlatCommand("8", "REQUEST_HISTORICAL_DATA", [new("symbol", "EURUSD"), new("timeframe", "H4"), new("start_date", 0L), new("end_date", 1730678400L)]), "REQUEST_HISTORICAL_DATA start_date and end_date must be positive integer Unix seconds (broker time)" },
        { new FlatCommand("9", "REQUEST_HISTORICAL_DATA", [new("symbol", "EURUSD"), new("timeframe", "h4"), new("start_date", 1L), new("end_date", 2L)]), "REQUEST_HISTORICAL_DATA timeframe must be one of M1, M5, M15, H1, H4, D1" },
        { new FlatCommand("10", "REQUEST_HISTORICAL_DATA", [new("symbol", "EURUSD"), new("timeframe", "H1"), new("start_date", 5L), new("end_date", 2L)]), "REQUEST_HISTORICAL_DATA start_date is after end_date" },
    };

    [Theory]
    [MemberData(nameof(Executable))]
    public void AcceptsCommandsTheEaExecutes(FlatCommand command)
    {
        Assert.Null(CommandPreflight.FindProblem(command));
    }

    [Theory]
    [MemberData(nameof(Rejected))]
    public void NamesTheProblemTheEaWouldHit(FlatCommand command, string expected)
    {
        Assert.Equal(expected, CommandPreflight.FindProblem(command));
    }
}
