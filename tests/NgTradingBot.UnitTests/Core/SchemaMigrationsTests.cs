using NgTradingBot.Core.Persistence;

namespace NgTradingBot.UnitTests.Core;

public sealed class SchemaMigrationsTests
{
    [Fact]
    public void MigrationsAreEmbeddedAndNumberedWithoutGaps()
    {
        Assert.NotEmpty(SchemaMigrations.All);
        Assert.Equal(Enumerable.Range(1, SchemaMigrations.All.Count), SchemaMigrations.All.Select(m => m.Version));
        Assert.Equal(SchemaMigrations.All.Count, SchemaMigrations.LatestVersion);
    }

    [Fact]
    public void TheInitialMigrationCreatesTheCommandLifecycleTables()
    {
        var initial = SchemaMigrations.All[0];

        Assert.Equal("initial", initial.Name);
        Assert.Contains("CREATE TABLE commands", initial.Sql);
        Assert.Contains("CREATE TABLE command_events", initial.Sql);
    }
}
