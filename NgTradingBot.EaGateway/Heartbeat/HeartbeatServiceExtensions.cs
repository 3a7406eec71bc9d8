namespace NgTradingBot.EaGateway.Heartbeat;

public static class HeartbeatServiceExtensions
{
    /// <summary>What heartbeat answers carry (<see cref="HeartbeatAnswers"/>) and the streaming record symbol recovery reads.</summary>
    public static IServiceCollection AddHeartbeatAnswers(this IServiceCollection services)
    {
        services.AddOptions<HeartbeatOptions>()
            .BindConfiguration(HeartbeatOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<StreamingLedger>();
        services.AddSingleton<TickNotes>();
        services.AddSingleton<SubscriptionLists>();
        services.AddSingleton<SymbolRecovery>();
        services.AddSingleton<HeartbeatAnswers>();
        return services;
    }
}
