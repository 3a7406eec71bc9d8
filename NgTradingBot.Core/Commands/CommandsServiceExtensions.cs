namespace NgTradingBot.Core.Commands;

public static class CommandsServiceExtensions
{
    /// <summary>The command API's services, the relay that repairs lost enqueues and queues retries, and the lifecycle timeouts.</summary>
    public static IHostApplicationBuilder AddCommands(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CommandOptions>()
            .BindConfiguration(CommandOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<CommandRetryOptions>()
            .BindConfiguration(CommandRetryOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<CommandMetrics>();
        builder.Services.AddSingleton<OutcomeResolver>();
        builder.Services.AddSingleton<ManualResolution>();
        builder.Services.AddSingleton<CommandQueries>();
        builder.Services.AddSingleton<CommandSearch>();
        builder.Services.AddSingleton<CommandService>();
        builder.Services.AddSingleton<CommandBatches>();
        builder.Services.AddSingleton<CommandChanges>();
        builder.Services.AddHostedService(services => services.GetRequiredService<CommandChanges>());
        builder.Services.AddSingleton<CommandWaits>();
        builder.Services.AddHostedService<CommandRelay>();
        builder.Services.AddHostedService<CommandTimeouts>();
        return builder;
    }
}
