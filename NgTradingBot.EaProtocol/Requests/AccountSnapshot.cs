namespace NgTradingBot.EaProtocol.Requests;

/// <summary>Live account figures sent with heartbeats and tick batches (AccountInfoDouble, %.2f).</summary>
public sealed record AccountSnapshot(decimal Balance, decimal Equity, decimal Margin, decimal FreeMargin)
{
    internal static AccountSnapshot Read(FieldReader reader) => new(
        reader.Decimal("balance"),
        reader.Decimal("equity"),
        reader.Decimal("margin", FieldReader.Sign.NonNegative),
        reader.Decimal("free_margin"));
}
