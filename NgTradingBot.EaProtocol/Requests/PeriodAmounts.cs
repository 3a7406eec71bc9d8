namespace NgTradingBot.EaProtocol.Requests;

/// <summary>
/// Money summed over the EA's broker-time windows (<c>profit_today</c>, <c>_week</c>, <c>_month</c>, <c>_year</c>
/// or the <c>deposits_</c> equivalents). Caution: the EA's <c>profit_year</c> is lifetime trading P/L
/// (balance minus all balance operations), not year to date; <c>deposits_year</c> is the calendar year.
/// </summary>
public sealed record PeriodAmounts(decimal Today, decimal Week, decimal Month, decimal Year)
{
    internal static PeriodAmounts Read(FieldReader reader, string prefix) => new(
        reader.Decimal(prefix + "today"),
        reader.Decimal(prefix + "week"),
        reader.Decimal(prefix + "month"),
        reader.Decimal(prefix + "year"));
}
