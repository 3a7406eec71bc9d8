using NgTradingBot.EaProtocol.Domain;

namespace NgTradingBot.EaProtocol.Requests;

/// <summary>One open position in a /api/trades/sync list. Compare prices at the symbol's precision, as decimals.</summary>
public sealed record SyncedTrade(
    long Ticket,
    string Symbol,
    TradeDirection Direction,
    decimal Volume,
    decimal OpenPrice,
    long OpenTime,
    decimal StopLoss,
    decimal TakeProfit,
    decimal? Profit,
    decimal? Swap,
    decimal? Commission)
{
    internal static SyncedTrade Read(FieldReader reader) => new(
        reader.Integer("ticket", min: 1),
        reader.Text("symbol"),
        reader.Choice("direction", EaWireNames.Directions),
        reader.Decimal("volume", FieldReader.Sign.NonNegative),
        reader.Decimal("open_price", FieldReader.Sign.Positive),
        reader.Integer("open_time", min: 1),
        reader.Decimal("sl", FieldReader.Sign.NonNegative),
        reader.Decimal("tp", FieldReader.Sign.NonNegative),
        reader.OptionalDecimal("profit"),
        reader.OptionalDecimal("swap"),
        reader.OptionalDecimal("commission"));
}
