namespace NgTradingBot.EaSimulator;

/// <summary>The timeframes the EA knows (REQUEST_HISTORICAL_DATA accepts exactly these names).</summary>
public static class Timeframes
{
    private static readonly Dictionary<string, int> Seconds = new(StringComparer.Ordinal)
    {
        ["M1"] = 60,
        ["M5"] = 300,
        ["M15"] = 900,
        ["H1"] = 3600,
        ["H4"] = 14_400,
        ["D1"] = 86_400,
    };

    public static IReadOnlyCollection<string> Names => Seconds.Keys;

    public static bool TryGetSeconds(string timeframe, out int seconds) => Seconds.TryGetValue(timeframe, out seconds);

    public static int GetSeconds(string timeframe) =>
        TryGetSeconds(timeframe, out var seconds) ? seconds : throw new ArgumentException($"Unknown timeframe '{timeframe}'.", nameof(timeframe));
}
