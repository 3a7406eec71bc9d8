using Npgsql;
using NgTradingBot.IntegrationTests.Hosting;

namespace NgTradingBot.IntegrationTests.Foundation;

/// <summary>
/// The EF Core migrations Core applies on an empty database make the schema the previous release's scripts made (its
/// Initial migration is that schema), changed only by the later migrations: nothing of it is lost by accident.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SchemaMigrationTests(AppFixture fixture)
{
    [Fact]
    public async Task MigratingAnEmptyDatabaseKeepsThePreviousReleasesSchemaButForWhatLaterMigrationsChanged()
    {
        await fixture.App.WaitHealthyAsync("core");
        var migrated = (await fixture.App.GetConnectionStringAsync("ngtradingbot"))!;
        var previous = await PreviousReleaseDatabase.CreateAsync(migrated, "previous_" + Guid.NewGuid().ToString("N")[..8]);

        var made = await SchemaCatalog.ReadAsync(migrated);
        var expected = await SchemaCatalog.ReadAsync(previous);

        Assert.True(expected.Count > 150, $"the catalog query found only {expected.Count} lines");
        // What ConnectionHealthAndTradeCloseParts replaced on purpose: the unused health_reason column and the state check
        // that allowed 'stale' (now degraded, disconnected, failed); PartitionedTicksEquityAndQuoteAges made ticks a
        // partitioned table, whose indexes are defined ON ONLY the parent.
        Assert.Equal(["column connections.health_reason text", "constraint connections connections_state_check CHECK",
                "index CREATE INDEX ticks_account_time ON public.ticks USING btree (account_id, tick_time)",
                "index CREATE INDEX ticks_symbol_time ON public.ticks USING btree (symbol, tick_time)"],
            expected.Except(made).Select(line => line.StartsWith("constraint connections connections_state_check", StringComparison.Ordinal)
                ? "constraint connections connections_state_check CHECK" : line).Order());
        Assert.Contains("index CREATE INDEX ticks_account_time ON ONLY public.ticks USING btree (account_id, tick_time)", made);
        Assert.Contains(made, line => line.StartsWith("column trade_close_parts.profit numeric(20,2) not null", StringComparison.Ordinal));
        await using var connection = new NpgsqlConnection(migrated);
        await connection.OpenAsync();
        await using var legacy = new NpgsqlCommand("SELECT to_regclass('public.schema_migrations') IS NULL", connection);
        Assert.True((bool)(await legacy.ExecuteScalarAsync())!, "a database made by this release has no table of the previous migrator");
    }
}
