namespace NgTradingBot.EaSimulator;

/// <summary>
/// Sensible default specifications for common broker symbols. A broker suffix (<c>EURUSD.c</c>) is matched by
/// its stem; an unknown name is treated as a forex pair.
/// </summary>
public static class SymbolCatalog
{
    public static IReadOnlyList<string> CommonSymbols { get; } =
        ["EURUSD", "GBPUSD", "USDJPY", "USDCHF", "AUDUSD", "USDCAD", "NZDUSD", "EURGBP", "EURJPY", "GBPJPY", "XAUUSD", "XAGUSD", "BTCUSD", "ETHUSD", "US30", "US500", "NAS100", "DE40"];

    private static readonly Dictionary<string, SymbolSpec> Known = new(StringComparer.Ordinal)
    {
        ["EURUSD"] = Fx("EURUSD", 1.08100, 8),
        ["GBPUSD"] = Fx("GBPUSD", 1.27000, 12),
        ["USDJPY"] = Fx("USDJPY", 150.000, 12, digits: 3),
        ["USDCHF"] = Fx("USDCHF", 0.88000, 12),
        ["AUDUSD"] = Fx("AUDUSD", 0.65500, 10),
        ["USDCAD"] = Fx("USDCAD", 1.36000, 14),
        ["NZDUSD"] = Fx("NZDUSD", 0.60000, 14),
        ["EURGBP"] = Fx("EURGBP", 0.85000, 12),
        ["EURJPY"] = Fx("EURJPY", 162.000, 15, digits: 3),
        ["GBPJPY"] = Fx("GBPJPY", 190.000, 20, digits: 3),
        ["XAUUSD"] = new("XAUUSD", 2, 100, 2650.00, 25, VolumeMax: 50),
        ["XAGUSD"] = new("XAGUSD", 3, 5000, 31.000, 30, VolumeMax: 50),
        ["BTCUSD"] = new("BTCUSD", 2, 1, 68950.12, 2528, VolumeMax: 10),
        ["ETHUSD"] = new("ETHUSD", 2, 1, 3500.00, 250, VolumeMax: 50),
        ["US30"] = new("US30", 2, 1, 42000.00, 200, VolumeMax: 50, VolumeMin: 0.1, VolumeStep: 0.1),
        ["US500"] = new("US500", 2, 1, 5800.00, 50, VolumeMax: 50, VolumeMin: 0.1, VolumeStep: 0.1),
        ["NAS100"] = new("NAS100", 2, 1, 20000.00, 150, VolumeMax: 50, VolumeMin: 0.1, VolumeStep: 0.1),
        ["DE40"] = new("DE40", 2, 1, 19500.00, 150, VolumeMax: 50, VolumeMin: 0.1, VolumeStep: 0.1),
    };

    /// <summary>The default spec for <paramref name="symbol"/>, renamed to the exact broker name.</summary>
    public static SymbolSpec DefaultFor(string symbol)
    {
        var dot = symbol.IndexOf('.', StringComparison.Ordinal);
        var stem = dot > 0 ? symbol[..dot] : symbol;
        if (Known.TryGetValue(stem, out var spec))
        {
            return spec with { Symbol = symbol };
        }
        return stem.Contains("JPY", StringComparison.Ordinal)
            ? Fx(symbol, 100.000, 15, digits: 3)
            : Fx(symbol, 1.00000, 15);
    }

    private static SymbolSpec Fx(string symbol, double bid, int spreadPoints, int digits = 5) =>
        new(symbol, digits, 100_000, bid, spreadPoints);
}
