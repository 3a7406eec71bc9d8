using Npgsql;

namespace NgTradingBot.IntegrationTests.Hosting;

/// <summary>
/// A database as the previous release left it: its two SQL scripts applied by its own migrator, which recorded
/// each in <c>schema_migrations</c> (schema version 2).
/// </summary>
public static class PreviousReleaseDatabase
{
    private static readonly (int Version, string Name)[] Scripts = [(1, "initial"), (2, "keys_dead_letters_and_delivery")];

    /// <returns>The new database's connection string.</returns>
    public static async Task<string> CreateAsync(string serverConnectionString, string database)
    {
        var server = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false };
        await using (var maintenance = new NpgsqlConnection(server.ConnectionString))
        {
            await maintenance.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", maintenance);
            await create.ExecuteNonQueryAsync();
        }

        var target = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = database }.ConnectionString;
        await using var connection = new NpgsqlConnection(target);
        await connection.OpenAsync();
        await ExecuteAsync(connection, """
            CREATE TABLE schema_migrations (
                version     integer     PRIMARY KEY,
                name        text        NOT NULL,
                applied_at  timestamptz NOT NULL DEFAULT now())
            """);
        foreach (var (version, name) in Scripts)
        {
            var path = Path.Combine(AppContext.BaseDirectory, "Foundation", "PreviousRelease", $"{version:0000}_{name}.sql");
            await ExecuteAsync(connection, await File.ReadAllTextAsync(path));
            await ExecuteAsync(connection, $"INSERT INTO schema_migrations (version, name) VALUES ({version}, '{name}')");
        }
        return target;
    }

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
