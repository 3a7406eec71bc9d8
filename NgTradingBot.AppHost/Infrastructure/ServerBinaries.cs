namespace NgTradingBot.AppHost.Infrastructure;

/// <summary>Finds the PostgreSQL and Redis server programs this machine has (Debian's packages put them in these places).</summary>
public static class ServerBinaries
{
    public const string PostgresMissing =
        "PostgreSQL server binaries (initdb, postgres) were not found (looked at AppHost:PostgresBinDirectory, PATH, /usr/lib/postgresql/*/bin). "
        + "Install them with: sudo apt-get install -y postgresql (or give ConnectionStrings:ngtradingbot).";

    public const string RedisMissing =
        "redis-server was not found (looked at AppHost:RedisServerPath, PATH, /usr/bin). Install it with: sudo apt-get install -y redis-server "
        + "(or set AppHost:RedisServerPath, or give ConnectionStrings:redis).";

    /// <summary>The folder holding <c>initdb</c> and <c>postgres</c>, newest version first, or null.</summary>
    public static string? FindPostgresBinDirectory(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return HasPostgres(configured) ? configured : null;
        }
        var candidates = SearchPath().Concat(Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(VersionOf).Select(d => Path.Combine(d, "bin"))
            : []);
        return candidates.FirstOrDefault(HasPostgres);
    }

    public static string? FindRedisServer(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? configured : null;
        }
        return SearchPath().Append("/usr/bin").Append("/usr/sbin").Select(d => Path.Combine(d, "redis-server")).FirstOrDefault(File.Exists);
    }

    private static bool HasPostgres(string directory) =>
        File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "postgres"));

    private static IEnumerable<string> SearchPath() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);

    private static int VersionOf(string directory) => int.TryParse(Path.GetFileName(directory), out var version) ? version : 0;
}
