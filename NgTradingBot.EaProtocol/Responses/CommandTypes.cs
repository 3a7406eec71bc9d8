namespace NgTradingBot.EaProtocol.Responses;

/// <summary>
/// The command types the deployed EA executes (exact, case-sensitive). Any other type is only logged as
/// "Unknown command type" and gets no command_response, so it would stay pending on the server forever.
/// </summary>
public static class CommandTypes
{
    public const string OpenTrade = "OPEN_TRADE";
    public const string ModifyTrade = "MODIFY_TRADE";
    public const string CloseTrade = "CLOSE_TRADE";
    public const string RequestHistoricalData = "REQUEST_HISTORICAL_DATA";

    public static IReadOnlySet<string> Supported { get; } =
        new HashSet<string>(StringComparer.Ordinal) { OpenTrade, ModifyTrade, CloseTrade, RequestHistoricalData };

    public static bool IsSupported(string type) => Supported.Contains(type);
}
