namespace NgTradingBot.Bench;

public sealed record RouteLatency(string Route, long Requests, double OkPercent, double P50, double P99);

/// <summary>The figures of one fleet size, measured after warm-up.</summary>
public sealed record StepResult(
    int Eas,
    int Connected,
    int Streaming,
    double Seconds,
    double RequestsPerSecond,
    double TickPostsPerSecond,
    double TicksPerSecond,
    double OkPercent,
    IReadOnlyDictionary<int, long> OtherStatuses,
    IReadOnlyList<RouteLatency> Routes,
    IReadOnlyDictionary<string, double> CpuPercent,
    int CommandsMeasured,
    double CommandP50,
    double CommandP99,
    long IngestLagAtEnd,
    double DrainSeconds,
    double StealPercent);
