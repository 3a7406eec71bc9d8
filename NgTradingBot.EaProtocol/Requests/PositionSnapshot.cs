namespace NgTradingBot.EaProtocol.Requests;

/// <summary>Floating P/L of one open position, as sent with every tick batch (any magic number, any symbol).</summary>
public sealed record PositionSnapshot(long Ticket, decimal Profit, decimal Swap)
{
    internal static PositionSnapshot Read(FieldReader reader) => new(
        reader.Integer("ticket", min: 1),
        reader.Decimal("profit"),
        reader.Decimal("swap"));
}
