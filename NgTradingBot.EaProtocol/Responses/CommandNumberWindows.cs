namespace NgTradingBot.EaProtocol.Responses;

/// <summary>
/// How many characters the EA reads after <c>"key":</c> for the numeric command fields before converting
/// them (ServerConnector.mq5): a number longer than its window is cut off. These fields must be bare numbers.
/// </summary>
public static class CommandNumberWindows
{
    private static readonly Dictionary<string, int> Windows = new(StringComparer.Ordinal)
    {
        ["volume"] = 10,
        ["sl"] = 15,
        ["tp"] = 15,
        ["start_date"] = 15,
        ["end_date"] = 15,
        ["ticket"] = 30,
    };

    public static int? For(string key) => Windows.TryGetValue(key, out var window) ? window : null;
}
