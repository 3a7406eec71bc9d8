namespace NgTradingBot.EaSimulator;

/// <summary>Counters for one route. <see cref="Ok"/> counts status 200 exactly, as the EA does.</summary>
public sealed record RouteStatistics(string Route, long Requests, long Ok, long BytesSent, long BytesReceived, TimeSpan TotalDuration, TimeSpan MaxDuration)
{
    public long Failed => Requests - Ok;

    public TimeSpan AverageDuration => Requests == 0 ? TimeSpan.Zero : TotalDuration / Requests;

    public RouteStatistics Add(RouteStatistics other) => new(
        Route,
        Requests + other.Requests,
        Ok + other.Ok,
        BytesSent + other.BytesSent,
        BytesReceived + other.BytesReceived,
        TotalDuration + other.TotalDuration,
        MaxDuration > other.MaxDuration ? MaxDuration : other.MaxDuration);
}
