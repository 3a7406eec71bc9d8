namespace NgTradingBot.Core.Connections;

public static class ConnectionsServiceExtensions
{
    /// <summary>Connection health: the recurring assessment of every account's connection and its metrics.</summary>
    public static IHostApplicationBuilder AddConnectionHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ConnectionHealthOptions>()
            .BindConfiguration(ConnectionHealthOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<ConnectionHealthMetrics>();
        builder.Services.AddSingleton<ConnectionUptime>();
        builder.Services.AddHostedService<ConnectionHealthSweep>();
        return builder;
    }
}
