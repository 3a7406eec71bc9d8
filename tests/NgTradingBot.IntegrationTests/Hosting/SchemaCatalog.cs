using Npgsql;

namespace NgTradingBot.IntegrationTests.Hosting;

/// <summary>
/// A database's schema as PostgreSQL describes it (columns with type, nullability and default; constraints and
/// indexes with their definitions), one line each, sorted, so two schemas compare as two lists. Partitions are data,
/// not schema (which days of ticks exist depends on when a database was made), so only their parent is listed.
/// </summary>
public static class SchemaCatalog
{
    /// <summary>Bookkeeping of the migrators themselves, not the product's schema.</summary>
    private static readonly string[] MigratorTables = ["schema_migrations", "__EFMigrationsHistory"];

    public static async Task<IReadOnlyList<string>> ReadAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var lines = new List<string>();
        await ReadLinesAsync(connection, lines, """
            SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type
                   || coalesce('(' || numeric_precision || ',' || numeric_scale || ')', '')
                   || CASE WHEN is_nullable = 'NO' THEN ' not null' ELSE '' END
                   || coalesce(' default ' || column_default, '')
              FROM information_schema.columns
             WHERE table_schema = 'public' AND NOT table_name = ANY(@ignored)
               AND table_name NOT IN (SELECT relname FROM pg_class WHERE relispartition)
            """);
        await ReadLinesAsync(connection, lines, """
            SELECT 'constraint ' || rel.relname || ' ' || con.conname || ' ' || pg_get_constraintdef(con.oid)
              FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid JOIN pg_namespace ns ON ns.oid = rel.relnamespace
             WHERE ns.nspname = 'public' AND NOT rel.relname = ANY(@ignored) AND NOT rel.relispartition
            """);
        await ReadLinesAsync(connection, lines, """
            SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND NOT tablename = ANY(@ignored)
               AND tablename NOT IN (SELECT relname FROM pg_class WHERE relispartition)
            """);
        await ReadLinesAsync(connection, lines, """
            SELECT 'sequence ' || sequence_name || ' ' || data_type FROM information_schema.sequences
             WHERE sequence_schema = 'public' AND NOT sequence_name = ANY(@ignoredSequences)
            """);
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async Task ReadLinesAsync(NpgsqlConnection connection, List<string> lines, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("ignored", MigratorTables);
        command.Parameters.AddWithValue("ignoredSequences", MigratorTables.Select(t => t + "_id_seq").ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }
    }
}
