namespace NgTradingBot.EaSimulator;

/// <summary>
/// One buffered tick. <see cref="Timestamp"/> is TimeCurrent() at buffering (broker seconds), the same for all
/// symbols of one timer call; <see cref="TzOffset"/> is the terminal PC's TimeGMTOffset(), not the broker's.
/// </summary>
public sealed record TickSample(string Symbol, double Bid, double Ask, ulong Volume, long Timestamp, int TzOffset, bool Tradeable)
{
    /// <summary>
    /// The EA's session check only ever says yes for crypto names (contract 5.11), so that is all we model.
    /// </summary>
    public static bool IsTradeable(string symbol) =>
        symbol.Contains("BTC", StringComparison.Ordinal) || symbol.Contains("ETH", StringComparison.Ordinal)
        || symbol.Contains("XRP", StringComparison.Ordinal) || symbol.Contains("LTC", StringComparison.Ordinal);
}
