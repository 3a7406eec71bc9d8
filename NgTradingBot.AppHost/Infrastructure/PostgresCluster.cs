using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace NgTradingBot.AppHost.Infrastructure;

/// <summary>
/// The cluster folder of a local PostgreSQL server. initdb and postgres refuse to run as root, and CI runs
/// as root: then the folder belongs to the postgres user and both run through setpriv as that user.
/// </summary>
public static class PostgresCluster
{
    public static bool RunningAsRoot { get; } = Environment.UserName == "root";

    public static bool Exists(string dataDirectory) => File.Exists(Path.Combine(dataDirectory, "PG_VERSION"));

    /// <summary>A program line run as the postgres user when we are root; setpriv execs, so signals reach the program itself.</summary>
    public static string[] AsPostgresUser(string program, params string[] arguments) => RunningAsRoot
        ? ["setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", program, .. arguments]
        : [program, .. arguments];

    /// <summary>Before every start (a dashboard restart too): initdb once, and stop a postmaster a killed AppHost left behind.</summary>
    public static async Task PrepareAsync(LocalPostgresServerResource server, string password, ILogger logger, CancellationToken cancellationToken)
    {
        if (!Exists(server.DataDirectory))
        {
            await InitializeAsync(server, password, logger, cancellationToken);
        }
        await StopOrphanPostmasterAsync(server.DataDirectory, logger, cancellationToken);
    }

    private static async Task InitializeAsync(LocalPostgresServerResource server, string password, ILogger logger, CancellationToken cancellationToken)
    {
        logger.LogInformation("Initialising a new PostgreSQL cluster in {DataDirectory}", server.DataDirectory);
        if (Directory.Exists(server.DataDirectory))
        {
            Directory.Delete(server.DataDirectory, recursive: true); // half-initialised by an interrupted first run
        }
        Directory.CreateDirectory(server.DataDirectory);
        var passwordFile = server.DataDirectory + ".initpw";
        await File.WriteAllTextAsync(passwordFile, password, cancellationToken);
        try
        {
            if (RunningAsRoot)
            {
                await RunAsync(["chown", "-R", "postgres:postgres", server.DataDirectory, passwordFile], cancellationToken);
                await RunAsync(["chmod", "o+x", Path.GetDirectoryName(server.DataDirectory)!], cancellationToken);
            }
            await RunAsync(AsPostgresUser(Path.Combine(server.BinDirectory, "initdb"),
                "-D", server.DataDirectory, "-U", LocalPostgresServerResource.UserName, "--auth=scram-sha-256",
                "--pwfile=" + passwordFile, "-E", "UTF8", "--locale=C.UTF-8"), cancellationToken);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    private static async Task StopOrphanPostmasterAsync(string dataDirectory, ILogger logger, CancellationToken cancellationToken)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid)
            || !File.Exists($"/proc/{pid}/comm") || File.ReadAllText($"/proc/{pid}/comm").Trim() != "postgres")
        {
            return;
        }
        logger.LogWarning("Stopping a PostgreSQL server (pid {Pid}) left running on {DataDirectory}", pid, dataDirectory);
        await RunAsync(["kill", "-INT", pid.ToString()], cancellationToken);
        for (var i = 0; i < 150 && Directory.Exists($"/proc/{pid}"); i++)
        {
            await Task.Delay(100, cancellationToken);
        }
    }

    private static async Task RunAsync(string[] commandLine, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(commandLine[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
        commandLine.Skip(1).ToList().ForEach(info.ArgumentList.Add);
        if (RunningAsRoot)
        {
            info.Environment["HOME"] = "/var/lib/postgresql";
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', commandLine)} failed ({process.ExitCode}): {await errors}{await output}");
        }
    }
}
