using System.Security.Cryptography;
using Npgsql;
using NgTradingBot.AppHost.Hosting.Processes;

namespace NgTradingBot.AppHost.Hosting.Resources;

/// <summary>
/// A PostgreSQL server started from the machine's binaries, with its cluster in the AppHost's data
/// folder (initialised on first run, reused after), or an existing server given as
/// <c>ConnectionStrings:{name}</c>. Either way its clients get a connection string to <see cref="DatabaseName"/>.
/// </summary>
public sealed class PostgresServerResource(string name, int port, string databaseName, string? externalConnectionString)
    : ProcessResource(name), IResourceWithConnectionString
{
    private string _password = string.Empty;

    public int Port { get; } = port;

    public string DatabaseName { get; } = databaseName;

    public bool IsExternal => externalConnectionString is not null;

    public string ConnectionString => externalConnectionString is null
        ? $"Host=127.0.0.1;Port={Port};Username=postgres;Password={_password};Database={DatabaseName}"
        : new NpgsqlConnectionStringBuilder(externalConnectionString) { Database = WithDefault(externalConnectionString) }.ConnectionString;

    private string WithDefault(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString).Database is { Length: > 0 } database ? database : DatabaseName;

    public override IEnumerable<string> DescribeEndpoints() =>
        [IsExternal ? "external server (ConnectionStrings:" + Name + ")" : $"tcp://127.0.0.1:{Port}"];

    internal override async Task StartAsync(AppHostContext context, CancellationToken cancellationToken)
    {
        if (!IsExternal)
        {
            var spec = await PrepareClusterAsync(context);
            await StartProcessAsync(context, spec, TimeSpan.FromSeconds(30), cancellationToken);
        }
        else
        {
            SetState(ResourceState.Starting, "connecting to the configured server");
        }
        await WaitUntilHealthyAsync(cancellationToken);
        await EnsureDatabaseAsync(cancellationToken);
        SetState(ResourceState.Running);
        MarkReady();
    }

    protected override Task<bool> IsHealthyAsync(CancellationToken cancellationToken) => CanQueryAsync(AdminConnectionString(), cancellationToken);

    private async Task<ProcessSpec> PrepareClusterAsync(AppHostContext context)
    {
        var bin = ExecutableLocator.FindPostgresBinDirectory(context.Options.PostgresBinDirectory)
            ?? throw new PrerequisiteMissingException(
                "PostgreSQL server binaries (initdb, postgres) were not found (looked at AppHost:PostgresBinDirectory, PATH, /usr/lib/postgresql/*/bin). "
                + "Install them with: sudo apt-get install -y postgresql (or give ConnectionStrings:postgres).");
        ThrowIfPortInUse(Port, "tcp");

        var dataDir = Path.Combine(context.DataDirectory, Name);
        var passwordFile = Path.Combine(context.DataDirectory, Name + ".password");
        if (!File.Exists(Path.Combine(dataDir, "PG_VERSION")))
        {
            await InitializeClusterAsync(context, bin, dataDir, passwordFile);
        }
        _password = (await File.ReadAllTextAsync(passwordFile)).Trim();
        await StopOrphanPostmasterAsync(dataDir);

        // No Unix socket: clients use TCP, and socket paths under a deep data folder exceed the 107-byte limit.
        return AsPostgresUser(Path.Combine(bin, "postgres"),
            ["-D", dataDir, "-p", Port.ToString(), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
             "-c", "max_connections=300", "-c", "logging_collector=off"],
            context.DataDirectory, Signals.SigInt);
    }

    private async Task InitializeClusterAsync(AppHostContext context, string bin, string dataDir, string passwordFile)
    {
        SetState(ResourceState.Starting, "initialising a new cluster");
        ConsoleOutput.AppHost($"{Name}: initialising a new PostgreSQL cluster in {dataDir}");
        if (Directory.Exists(dataDir))
        {
            Directory.Delete(dataDir, recursive: true); // a half-initialised folder from an interrupted first run
        }
        Directory.CreateDirectory(dataDir);
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var initPasswordFile = Path.Combine(dataDir + ".initpw");
        await File.WriteAllTextAsync(initPasswordFile, password);
        try
        {
            if (AppHostContext.RunningAsRoot)
            {
                // initdb and postgres refuse to run as root: the cluster belongs to the postgres user.
                await RunToEndAsync("chown", ["-R", "postgres:postgres", dataDir, initPasswordFile]);
                await RunToEndAsync("chmod", ["o+x", context.DataDirectory]);
            }
            var init = AsPostgresUser(Path.Combine(bin, "initdb"),
                ["-D", dataDir, "-U", "postgres", "--auth=scram-sha-256", "--pwfile=" + initPasswordFile, "-E", "UTF8", "--locale=C.UTF-8"],
                context.DataDirectory, Signals.SigTerm);
            await RunToEndAsync(init.FileName, init.Arguments);
        }
        finally
        {
            File.Delete(initPasswordFile);
        }
        await File.WriteAllTextAsync(passwordFile, password);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    // A postmaster left by a killed AppHost still holds the data folder: stop it, or the new one cannot start.
    private static async Task StopOrphanPostmasterAsync(string dataDir)
    {
        var pidFile = Path.Combine(dataDir, "postmaster.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid))
        {
            return;
        }
        if (File.Exists($"/proc/{pid}/comm") && File.ReadAllText($"/proc/{pid}/comm").Trim() == "postgres")
        {
            ConsoleOutput.AppHost($"stopping a PostgreSQL server (pid {pid}) left running on this data folder");
            Signals.Send(pid, Signals.SigInt);
            for (var i = 0; i < 150 && Directory.Exists($"/proc/{pid}"); i++)
            {
                await Task.Delay(100);
            }
        }
    }

    private static ProcessSpec AsPostgresUser(string file, string[] args, string workingDirectory, int stopSignal) =>
        AppHostContext.RunningAsRoot
            // setpriv execs (no intermediate process), so signals reach postgres itself.
            ? new ProcessSpec("setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", file, .. args], workingDirectory,
                new Dictionary<string, string> { ["HOME"] = "/var/lib/postgresql" }, stopSignal)
            : new ProcessSpec(file, args, workingDirectory, new Dictionary<string, string>(), stopSignal);

    private async Task EnsureDatabaseAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString());
        await connection.OpenAsync(cancellationToken);
        var database = new NpgsqlConnectionStringBuilder(ConnectionString).Database!;
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = database } } };
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"")}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private string AdminConnectionString() =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false, Timeout = 3 }.ConnectionString;

    private static async Task<bool> CanQueryAsync(string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or IOException)
        {
            return false;
        }
    }
}
