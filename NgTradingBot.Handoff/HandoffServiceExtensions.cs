using NgTradingBot.Handoff;

namespace Microsoft.Extensions.DependencyInjection;

public static class HandoffServiceExtensions
{
    /// <summary>The Redis side of the gateway-to-Core contract; needs the <c>IConnectionMultiplexer</c> of <c>AddRedisClient</c>.</summary>
    public static IServiceCollection AddEaHandoff(this IServiceCollection services)
    {
        services.AddSingleton<IngestStream>();
        services.AddSingleton<RedisCommandQueue>();
        services.AddSingleton<RedisAccountCredentials>();
        return services;
    }
}
