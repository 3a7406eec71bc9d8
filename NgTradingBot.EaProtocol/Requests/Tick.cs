namespace NgTradingBot.EaProtocol.Requests;

/// <summary>One buffered quote from /api/ticks. Expect heavy duplication: the EA samples every 50 ms.</summary>
/// <param name="Spread">ask - bid in price units, not points.</param>
/// <param name="Volume">MqlTick.volume (last-deal volume, usually 0 for CFD/forex).</param>
/// <param name="Timestamp">TimeCurrent() when buffered, broker seconds; not the quote's own time.</param>
/// <param name="TzOffset">TimeGMTOffset() of the terminal PC in seconds, not the broker's offset.</param>
/// <param name="Tradeable">The EA's session heuristic; effectively "is crypto", ignore it.</param>
public sealed record Tick(
    string Symbol,
    decimal Bid,
    decimal Ask,
    decimal Spread,
    long Volume,
    long Timestamp,
    int TzOffset,
    bool Tradeable)
{
    private const int MaxOffsetSeconds = 86_400;

    internal static Tick Read(FieldReader reader) => new(
        reader.Text("symbol"),
        reader.Decimal("bid", FieldReader.Sign.Positive),
        reader.Decimal("ask", FieldReader.Sign.Positive),
        reader.Decimal("spread"),
        reader.Integer("volume", min: 0),
        reader.Integer("timestamp", min: 1),
        (int)reader.Integer("tz_offset", -MaxOffsetSeconds, MaxOffsetSeconds),
        reader.OptionalBoolean("tradeable") ?? false);
}
