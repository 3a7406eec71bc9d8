using NgTradingBot.EaProtocol.Domain;

namespace NgTradingBot.EaProtocol.Requests;

/// <summary>One symbol's contract specification from /api/symbol_specs.</summary>
/// <param name="VolumeStep">May be 0: the EA sends %.2f, so a 0.001 step arrives as 0.00.</param>
/// <param name="StopsLevel">Minimum SL/TP distance in points.</param>
/// <param name="PointSize">The wire field <c>point_value</c>: SYMBOL_POINT, the size of one point, not its money value.</param>
/// <param name="ContractSize">Only in the OnInit variant; null in the single-symbol variant (keep the stored value).</param>
public sealed record SymbolSpec(
    string Symbol,
    decimal VolumeMin,
    decimal VolumeMax,
    decimal VolumeStep,
    int StopsLevel,
    int FreezeLevel,
    SymbolTradeMode TradeMode,
    int Digits,
    decimal PointSize,
    decimal? ContractSize)
{
    internal static SymbolSpec Read(FieldReader reader) => new(
        reader.Text("symbol"),
        reader.Decimal("volume_min", FieldReader.Sign.NonNegative),
        reader.Decimal("volume_max", FieldReader.Sign.NonNegative),
        reader.Decimal("volume_step", FieldReader.Sign.NonNegative),
        (int)reader.Integer("stops_level", 0, int.MaxValue),
        (int)reader.Integer("freeze_level", 0, int.MaxValue),
        (SymbolTradeMode)reader.Integer("trade_mode", 0, 4),
        (int)reader.Integer("digits", 0, 18),
        reader.Decimal("point_value", FieldReader.Sign.Positive),
        reader.OptionalDecimal("contract_size", FieldReader.Sign.NonNegative));
}
