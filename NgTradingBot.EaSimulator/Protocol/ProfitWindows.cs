namespace NgTradingBot.EaSimulator;

/// <summary>
/// The EA's profit cache. <see cref="ProfitYear"/> is lifetime trading P/L (balance minus all balance
/// operations), not calendar year; <see cref="DepositsYear"/> is calendar year (contract 5.6, 10.15).
/// </summary>
public sealed record ProfitWindows(
    double ProfitToday,
    double ProfitWeek,
    double ProfitMonth,
    double ProfitYear,
    double DepositsToday,
    double DepositsWeek,
    double DepositsMonth,
    double DepositsYear)
{
    public static ProfitWindows Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);
}
