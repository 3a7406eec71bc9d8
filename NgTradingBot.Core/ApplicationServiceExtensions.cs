using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using NgTradingBot.Core.Access;
using NgTradingBot.Core.Accounts;
using NgTradingBot.Core.Api;
using NgTradingBot.Core.Commands;
using NgTradingBot.Core.Connections;
using NgTradingBot.Core.EaInternal;
using NgTradingBot.Core.History;
using NgTradingBot.Core.Ingest;
using NgTradingBot.Core.MarketData;
using NgTradingBot.Core.Persistence;
using NgTradingBot.Core.Status;

namespace NgTradingBot.Core;

public static class ApplicationServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // Read here because the data source is configured outside the container; validated at start like every option.
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var database = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.AddNpgsqlDataSource(SchemaMigrator.ConnectionName, configureDataSourceBuilder: dataSource =>
        {
            dataSource.ConnectionStringBuilder.MaxPoolSize = database.MaxConnections;
            // So pg_stat_activity says which sessions are Core's.
            dataSource.ConnectionStringBuilder.ApplicationName ??= DatabaseOptions.ApplicationName;
            // The same few statements run thousands of times a second (ingest, command lifecycle): prepared once per pooled
            // connection, PostgreSQL stops parsing and planning each of them again. Npgsql keeps them across pool uses.
            dataSource.ConnectionStringBuilder.MaxAutoPrepare = Math.Max(dataSource.ConnectionStringBuilder.MaxAutoPrepare, 100);
            dataSource.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
            // Returning a connection to the pool otherwise costs seven reset statements on its next use (RESET ALL, UNLISTEN *,
            // pg_advisory_unlock_all() ...), about 1 000 a second at 300 orders/s. Core keeps no session state: no SET, no
            // LISTEN, no temporary tables; its two session advisory locks are released in a finally, or end with the session.
            dataSource.ConnectionStringBuilder.NoResetOnClose = true;
        });
        // The model reads and migrates through the same data source the raw ingest path writes with. A factory,
        // because the services using it are singletons: each operation takes a pooled context and returns it.
        builder.Services.AddPooledDbContextFactory<TradingDbContext>((services, options) =>
            TradingDbContext.Configure(options, services.GetRequiredService<NpgsqlDataSource>()));
        // Metrics from Aspire. Its health check is off (the data source's probes the same server), so is its tracing
        // (the data source's traces every command, EF's included), and so is EF's retrying strategy: it buffers every result set (measured: most of a polled command lookup's
        // cost) and cannot replay our explicit transactions; the migrator and the ingest loop retry on their own,
        // and an API caller gets its 503 and asks again.
        builder.EnrichNpgsqlDbContext<TradingDbContext>(settings =>
        {
            settings.DisableHealthChecks = true;
            settings.DisableTracing = true;
            settings.DisableRetry = true;
        });
        builder.AddEaHandoff();

        builder.Services.AddSingleton<SchemaMigrator>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SchemaMigrator>());
        builder.Services.AddHealthChecks().AddCheck<SchemaMigrationHealthCheck>("schema", tags: ["ready"]);

        builder.Services.TryAddSingleton(TimeProvider.System);
        // Binding failures throw, so ApiErrorMiddleware can answer them with a JSON message instead of an empty 400.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

        builder.AddAccess();
        builder.AddApiReference();
        builder.AddAccounts();
        builder.AddEaInternal();
        builder.AddIngest();
        builder.AddMarketData();
        builder.AddAccountHistory();
        builder.AddCommands();
        builder.AddConnectionHealth();
        builder.Services.AddSingleton<SystemStatusQuery>();
        return builder;
    }
}
