namespace NgTradingBot.EaProtocol.Domain;

public static class TimeframeExtensions
{
    /// <summary>The length of one bar, e.g. for the coverage rule "newest bar older than two periods".</summary>
    public static TimeSpan Period(this Timeframe timeframe) => timeframe switch
    {
        Timeframe.M1 => TimeSpan.FromMinutes(1),
        Timeframe.M5 => TimeSpan.FromMinutes(5),
        Timeframe.M15 => TimeSpan.FromMinutes(15),
        Timeframe.H1 => TimeSpan.FromHours(1),
        Timeframe.H4 => TimeSpan.FromHours(4),
        Timeframe.D1 => TimeSpan.FromDays(1),
        _ => throw new ArgumentOutOfRangeException(nameof(timeframe), timeframe, "Unknown timeframe"),
    };
}
