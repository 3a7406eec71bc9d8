using Microsoft.Extensions.DependencyInjection;
using NgTradingBot.Handoff;
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

public static class HandoffServiceExtensions
{
    /// <summary>The connection string name of the Redis the gateway and Core hand off through.</summary>
    public const string RedisConnectionName = "redis";

    /// <summary>
    /// The gateway-to-Core contract over Redis: Aspire's Redis client integration (one shared multiplexer, health
    /// check, tracing) and the ingest stream, command queue and credentials on it.
    /// </summary>
    /// <param name="traceCommands">
    /// Whether each Redis command becomes a span. The instrumentation profiles every command made under a request,
    /// sampled or not; on the gateway's path (one append per EA request, thousands a second) that cost a third of
    /// its tick answer time at p99 in the 200-EA benchmark, so the gateway leaves it off.
    /// </param>
    public static TBuilder AddEaHandoff<TBuilder>(this TBuilder builder, bool traceCommands = true) where TBuilder : IHostApplicationBuilder
    {
        // Its I/O on the shared thread pool rather than the client's own dedicated threads: on two cores those
        // threads only add context switches to every command of the hot path.
        builder.AddRedisClient(RedisConnectionName,
            configureSettings: settings => settings.DisableTracing |= !traceCommands,
            configureOptions: options => options.SocketManager = SocketManager.ThreadPool);
        builder.Services.AddSingleton<IngestStream>();
        builder.Services.AddSingleton<RedisCommandQueue>();
        builder.Services.AddSingleton<QuoteBoard>();
        builder.Services.AddSingleton<RedisAccountCredentials>();
        builder.Services.AddSingleton<AccountTrafficStore>();
        return builder;
    }
}
