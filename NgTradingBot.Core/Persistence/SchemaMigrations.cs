using System.Reflection;
using System.Text.RegularExpressions;

namespace NgTradingBot.Core.Persistence;

/// <summary>A versioned SQL script embedded in this assembly, named <c>NNNN_description.sql</c>.</summary>
public sealed record SchemaMigration(int Version, string Name, string Sql);

public static partial class SchemaMigrations
{
    /// <summary>Every migration, in version order; versions must be unique and contiguous from 1.</summary>
    public static IReadOnlyList<SchemaMigration> All { get; } = Load();

    public static int LatestVersion => All[^1].Version;

    private static List<SchemaMigration> Load()
    {
        var assembly = typeof(SchemaMigrations).Assembly;
        var migrations = new List<SchemaMigration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = MigrationName().Match(resource);
            if (!match.Success)
            {
                continue;
            }
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            migrations.Add(new SchemaMigration(int.Parse(match.Groups["version"].Value), match.Groups["name"].Value, reader.ReadToEnd()));
        }
        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"Schema migrations must be numbered 1..n without gaps; found {migrations[i].Version} at position {i + 1}.");
            }
        }
        return migrations;
    }

    [GeneratedRegex(@"\.(?<version>\d{4})_(?<name>[a-z0-9_]+)\.sql$")]
    private static partial Regex MigrationName();
}
