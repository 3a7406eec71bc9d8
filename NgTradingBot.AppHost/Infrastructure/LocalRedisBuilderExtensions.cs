namespace NgTradingBot.AppHost.Infrastructure;

public static class LocalRedisBuilderExtensions
{
    /// <summary>
    /// redis-server on 127.0.0.1 with AOF (fsync per <see cref="AppHostOptions.RedisAppendFsync"/>), its data kept
    /// under the data folder between runs; the orchestrator's SIGTERM is Redis's clean shutdown.
    /// </summary>
    public static IResourceBuilder<LocalRedisResource> AddLocalRedis(this IDistributedApplicationBuilder builder, string name, AppHostSetup setup, int port)
    {
        var server = ServerBinaries.FindRedisServer(setup.Options.RedisServerPath);
        if (server is null)
        {
            setup.Refuse(ServerBinaries.RedisMissing);
        }
        var dataDirectory = Path.Combine(setup.DataDirectory, name);
        Directory.CreateDirectory(dataDirectory);

        return builder.AddResource(new LocalRedisResource(name, server ?? "redis-server", dataDirectory))
            .WithArgs("--port", port.ToString(), "--bind", "127.0.0.1", "--dir", dataDirectory, "--daemonize", "no",
                "--appendonly", "yes", "--appendfsync", setup.Options.RedisAppendFsync, "--save", "", "--logfile", "")
            .WithEndpoint(port: port, targetPort: port, name: LocalRedisResource.PrimaryEndpointName, isProxied: false)
            .WithIconName("Memory")
            .ExcludeFromManifest()
            .WithConnectionHealthCheck((checks, connectionString, check) => checks.AddRedis(_ => connectionString(), name: check));
    }
}
