using System.Data.Common;

namespace NgTradingBot.AppHost.Infrastructure;

/// <summary>
/// PostgreSQL and Redis in whichever form this machine and mode allow; the services see the same connection
/// string names (<c>ngtradingbot</c>, <c>redis</c>) in every one of them.
/// </summary>
public static class InfrastructureBuilderExtensions
{
    /// <summary>
    /// The product's database: an existing server given as <c>ConnectionStrings:ngtradingbot</c> (or, as before,
    /// a server as <c>ConnectionStrings:postgres</c>); else a local server here, or the standard container with a
    /// data volume in publish mode or where a container runtime is configured.
    /// </summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddTradingDatabase(this IDistributedApplicationBuilder builder,
        AppHostSetup setup, string serverName, string databaseName)
    {
        var external = builder.Configuration.GetConnectionString(databaseName)
            ?? WithDefaultDatabase(builder.Configuration.GetConnectionString(serverName), databaseName);
        if (external is not null)
        {
            // Core creates the database on first start if the server does not have it yet.
            return builder.AddConnectionString(databaseName, ReferenceExpression.Create($"{external}"));
        }

        var port = setup.Ports.For(serverName, "tcp", 5433);
        return setup.UsesLocalServers
            ? builder.AddLocalPostgres(serverName, setup, port).AddDatabase(databaseName)
            : builder.AddPostgres(serverName, port: port).WithDataVolume().AddDatabase(databaseName);
    }

    /// <summary>Redis with AOF persistence: <c>ConnectionStrings:redis</c> if given, else local or a container as above.</summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddDurableRedis(this IDistributedApplicationBuilder builder, AppHostSetup setup, string name)
    {
        if (builder.Configuration.GetConnectionString(name) is { } external)
        {
            return builder.AddConnectionString(name, ReferenceExpression.Create($"{external}"));
        }

        var port = setup.Ports.For(name, "tcp", 6380);
        return setup.UsesLocalServers
            ? builder.AddLocalRedis(name, setup, port)
            : builder.AddRedis(name, port: port).WithDataVolume().WithAppendOnlyFile(setup.Options.RedisAppendFsync);
    }

    /// <summary>
    /// AOF instead of the container's periodic snapshots: 200 means durable. Aspire's Redis container runs its
    /// server line through <c>sh -c</c> when published, so the switches join that line; else they are arguments.
    /// </summary>
    public static IResourceBuilder<RedisResource> WithAppendOnlyFile(this IResourceBuilder<RedisResource> builder, string fsync) =>
        builder.WithArgs(context =>
        {
            string[] switches = ["--appendonly", "yes", "--appendfsync", fsync];
            var shellLine = context.Args.IndexOf("-c") + 1;
            if (shellLine > 0 && shellLine < context.Args.Count && context.Args[shellLine] is string line)
            {
                context.Args[shellLine] = line + " " + string.Join(' ', switches);
            }
            else
            {
                switches.ToList().ForEach(context.Args.Add);
            }
        });

    private static string? WithDefaultDatabase(string? serverConnectionString, string databaseName)
    {
        if (serverConnectionString is null)
        {
            return null;
        }
        var connection = new DbConnectionStringBuilder { ConnectionString = serverConnectionString };
        if (!connection.ContainsKey("Database"))
        {
            connection["Database"] = databaseName;
        }
        return connection.ConnectionString;
    }
}
