using Npgsql;
using NgTradingBot.IntegrationTests.Hosting;

namespace NgTradingBot.IntegrationTests.Foundation;

/// <summary>The EF Core migrations Core applies on an empty database make the schema the previous release's scripts made.</summary>
[Collection(AppCollection.Name)]
public sealed class SchemaMigrationTests(AppFixture fixture)
{
    [Fact]
    public async Task MigratingAnEmptyDatabaseMakesExactlyThePreviousReleasesSchema()
    {
        await fixture.App.WaitHealthyAsync("core");
        var migrated = (await fixture.App.GetConnectionStringAsync("ngtradingbot"))!;
        var previous = await PreviousReleaseDatabase.CreateAsync(migrated, "previous_" + Guid.NewGuid().ToString("N")[..8]);

        var made = await SchemaCatalog.ReadAsync(migrated);
        var expected = await SchemaCatalog.ReadAsync(previous);

        Assert.True(expected.Count > 150, $"the catalog query found only {expected.Count} lines");
        Assert.Empty(expected.Except(made));
        Assert.Empty(made.Except(expected));
        await using var connection = new NpgsqlConnection(migrated);
        await connection.OpenAsync();
        await using var legacy = new NpgsqlCommand("SELECT to_regclass('public.schema_migrations') IS NULL", connection);
        Assert.True((bool)(await legacy.ExecuteScalarAsync())!, "a database made by this release has no table of the previous migrator");
    }
}
