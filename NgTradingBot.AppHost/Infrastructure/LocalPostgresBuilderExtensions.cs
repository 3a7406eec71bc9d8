using Microsoft.Extensions.Logging;
using Npgsql;

namespace NgTradingBot.AppHost.Infrastructure;

public static class LocalPostgresBuilderExtensions
{
    /// <summary>
    /// A PostgreSQL server run from this machine's binaries on 127.0.0.1, its cluster kept under the data
    /// folder between runs. Like Aspire's container it has a health check <c>WaitFor</c> uses, and its
    /// databases are created once it is ready.
    /// </summary>
    public static IResourceBuilder<LocalPostgresServerResource> AddLocalPostgres(this IDistributedApplicationBuilder builder, string name, AppHostSetup setup, int port)
    {
        var bin = ServerBinaries.FindPostgresBinDirectory(setup.Options.PostgresBinDirectory);
        if (bin is null)
        {
            setup.Refuse(ServerBinaries.PostgresMissing);
        }
        var dataDirectory = Path.Combine(setup.DataDirectory, name);
        var passwordFile = Path.Combine(setup.DataDirectory, name + ".password");
        if (PostgresCluster.Exists(dataDirectory) && !File.Exists(passwordFile))
        {
            setup.Refuse($"The PostgreSQL cluster in {dataDirectory} has lost its password file {passwordFile}: delete the cluster folder to start with a new one.");
        }

        var password = builder.AddParameter($"{name}-password", SecretFile.ReadOrCreate(passwordFile), secret: true);
        var server = new LocalPostgresServerResource(name, "sh", dataDirectory, bin ?? "/nonexistent", password.Resource);

        // SIGTERM from the orchestrator becomes a fast shutdown; no Unix socket, since socket paths under a deep
        // data folder exceed the 107-byte limit and every client uses TCP anyway.
        string[] commandLine = [Path.Combine(builder.AppHostDirectory, "Infrastructure", "stop-fast.sh"),
            .. PostgresCluster.AsPostgresUser(Path.Combine(server.BinDirectory, "postgres"),
                "-D", dataDirectory, "-p", port.ToString(), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
                "-c", "max_connections=300", "-c", "logging_collector=off")];

        return builder.AddResource(server)
            .WithArgs(commandLine)
            .WithEndpoint(port: port, targetPort: port, name: LocalPostgresServerResource.PrimaryEndpointName, isProxied: false)
            .WithIconName("DatabaseMultiple")
            .ExcludeFromManifest()
            // The server's own check asks the maintenance database: ours may not exist yet.
            .WithConnectionHealthCheck((checks, connectionString, check) =>
                checks.AddNpgSql(_ => connectionString() + ";Database=postgres", name: check))
            .OnBeforeResourceStarted(async (resource, @event, cancellationToken) =>
            {
                await PublishDatabaseStateAsync(builder, resource, @event.Services, KnownResourceStates.Starting);
                await PostgresCluster.PrepareAsync(resource, (await password.Resource.GetValueAsync(cancellationToken))!,
                    LoggerFor(resource, @event.Services), cancellationToken);
            })
            .OnResourceReady(async (resource, @event, cancellationToken) =>
            {
                await CreateDatabasesAsync(resource, DatabasesOf(builder, resource), LoggerFor(resource, @event.Services), cancellationToken);
                await PublishDatabaseStateAsync(builder, resource, @event.Services, KnownResourceStates.Running);
            })
            .OnResourceStopped((resource, @event, _) =>
                PublishDatabaseStateAsync(builder, resource, @event.Services, KnownResourceStates.Exited));
    }

    public static IResourceBuilder<LocalPostgresDatabaseResource> AddDatabase(this IResourceBuilder<LocalPostgresServerResource> builder, string name, string? databaseName = null)
    {
        var database = new LocalPostgresDatabaseResource(name, databaseName ?? name, builder.Resource);

        // The orchestrator passes a container's state on to its databases but not an executable's: the server
        // publishes it itself, Running only once the database has been created.
        return builder.ApplicationBuilder.AddResource(database)
            .WithInitialState(new CustomResourceSnapshot { ResourceType = "PostgresDatabase", State = KnownResourceStates.Waiting, Properties = [] })
            .WithConnectionHealthCheck((checks, connectionString, check) => checks.AddNpgSql(_ => connectionString(), name: check));
    }

    private static IEnumerable<LocalPostgresDatabaseResource> DatabasesOf(IDistributedApplicationBuilder builder, LocalPostgresServerResource server) =>
        builder.Resources.OfType<LocalPostgresDatabaseResource>().Where(database => database.Parent == server);

    private static async Task CreateDatabasesAsync(LocalPostgresServerResource server, IEnumerable<LocalPostgresDatabaseResource> databases,
        ILogger logger, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(await server.ConnectionStringExpression.GetValueAsync(cancellationToken) + ";Database=postgres");
        await connection.OpenAsync(cancellationToken);
        foreach (var databaseName in databases.Select(d => d.DatabaseName))
        {
            try
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE {new NpgsqlCommandBuilder().QuoteIdentifier(databaseName)}", connection);
                await create.ExecuteNonQueryAsync(cancellationToken);
                logger.LogInformation("Created database {Database}", databaseName);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // Created on an earlier run: the cluster is kept.
            }
        }
    }

    private static async Task PublishDatabaseStateAsync(IDistributedApplicationBuilder builder, LocalPostgresServerResource server,
        IServiceProvider services, string state)
    {
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        foreach (var database in DatabasesOf(builder, server))
        {
            await notifications.PublishUpdateAsync(database, snapshot => snapshot with
            {
                State = state,
                StartTimeStamp = state == KnownResourceStates.Running ? DateTime.UtcNow : snapshot.StartTimeStamp,
                StopTimeStamp = state == KnownResourceStates.Exited ? DateTime.UtcNow : null,
            });
        }
    }

    private static ILogger LoggerFor(IResource resource, IServiceProvider services) =>
        services.GetRequiredService<ResourceLoggerService>().GetLogger(resource);
}
