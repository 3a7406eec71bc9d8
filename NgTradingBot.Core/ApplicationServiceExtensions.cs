using NgTradingBot.Core.Persistence;

namespace NgTradingBot.Core;

public static class ApplicationServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDataSource("postgres");
        builder.AddRedisClient("redis");

        builder.Services.AddSingleton<SchemaMigrator>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SchemaMigrator>());
        builder.Services.AddHealthChecks().AddCheck<SchemaMigrationHealthCheck>("schema", tags: ["ready"]);
        return builder;
    }
}
