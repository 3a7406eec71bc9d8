namespace NgTradingBot.AppHost.Hosting;

/// <summary>The AppHost's settings, bound from the <c>AppHost</c> configuration section.</summary>
public sealed class AppHostOptions
{
    public const string SectionName = "AppHost";

    /// <summary>Where PostgreSQL and Redis keep their data; relative paths are below the repository root.</summary>
    public string DataDirectory { get; set; } = ".data";

    /// <summary>ASPNETCORE_ENVIRONMENT passed to the services.</summary>
    public string EnvironmentName { get; set; } = "Development";

    /// <summary>OTLP collector for every service; telemetry is not exported when empty.</summary>
    public string? OtlpEndpoint { get; set; }

    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary>How often the services export metrics (OTEL_METRIC_EXPORT_INTERVAL).</summary>
    public TimeSpan OtlpMetricExportInterval { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromMinutes(3);

    public TimeSpan RestartBackoffMax { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Address the EA gateway binds; the EA connects from another machine, hence all interfaces.</summary>
    public string GatewayBindAddress { get; set; } = "0.0.0.0";

    public string? PostgresBinDirectory { get; set; }

    public string? RedisServerPath { get; set; }

    /// <summary>Redis AOF fsync policy: everysec survives any process kill; always also survives power loss, slower.</summary>
    public string RedisAppendFsync { get; set; } = "everysec";

    /// <summary>Number of simulated EAs to run beside the system (<c>--simulate-eas N</c>).</summary>
    public int SimulateEas { get; set; }

    public void Validate()
    {
        if (StartupTimeout <= TimeSpan.Zero || RestartBackoffMax <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("AppHost:StartupTimeout and AppHost:RestartBackoffMax must be positive.");
        }
        if (RedisAppendFsync is not ("everysec" or "always"))
        {
            throw new InvalidOperationException("AppHost:RedisAppendFsync must be 'everysec' or 'always' (200 means durable: 'no' is not allowed).");
        }
        if (SimulateEas is < 0 or > 2000)
        {
            throw new InvalidOperationException("--simulate-eas must be between 0 and 2000.");
        }
    }
}
