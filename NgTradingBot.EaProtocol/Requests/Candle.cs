namespace NgTradingBot.EaProtocol.Requests;

/// <summary>One OHLC bar from /api/ohlc/historical.</summary>
/// <param name="Timestamp">Bar open time in broker seconds (broker wall clock written as if UTC).</param>
/// <param name="TickVolume">MT5 tick volume (the wire field <c>volume</c>).</param>
public sealed record Candle(long Timestamp, decimal Open, decimal High, decimal Low, decimal Close, long TickVolume)
{
    internal static Candle Read(FieldReader reader)
    {
        var candle = new Candle(
            reader.Integer("timestamp", min: 1),
            reader.Decimal("open", FieldReader.Sign.Positive),
            reader.Decimal("high", FieldReader.Sign.Positive),
            reader.Decimal("low", FieldReader.Sign.Positive),
            reader.Decimal("close", FieldReader.Sign.Positive),
            reader.Integer("volume", min: 0));
        if (candle.High < candle.Low)
        {
            reader.Fail($"{reader.PathOf("high")} must not be below low");
        }

        return candle;
    }
}
