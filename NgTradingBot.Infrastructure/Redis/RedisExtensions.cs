using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NgTradingBot.Infrastructure.Redis;

namespace Microsoft.Extensions.Hosting;

public static class RedisExtensions
{
    /// <summary>
    /// Registers one shared Redis connection from <c>ConnectionStrings:{name}</c> (Aspire's
    /// <c>host:port[,password=..],ssl=false</c> format), our stream abstraction and a readiness check.
    /// </summary>
    public static TBuilder AddRedisClient<TBuilder>(this TBuilder builder, string connectionName)
        where TBuilder : IHostApplicationBuilder
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException(
                $"ConnectionStrings:{connectionName} is not configured; start the service through the AppHost or set ConnectionStrings__{connectionName}.");

        builder.Services.AddSingleton(_ => new RedisConnection(connectionString));
        builder.Services.AddSingleton<IRedisStreams, RedisStreams>();
        builder.Services.AddSingleton<NgTradingBot.Infrastructure.Handoff.RedisCommandQueue>();
        builder.Services.AddSingleton<NgTradingBot.Infrastructure.Handoff.RedisAccountCredentials>();
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            connectionName,
            services => new RedisHealthCheck(services.GetRequiredService<RedisConnection>()),
            HealthStatus.Unhealthy,
            ["ready"],
            TimeSpan.FromSeconds(5)));
        return builder;
    }
}
