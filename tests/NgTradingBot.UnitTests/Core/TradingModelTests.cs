using Npgsql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using NgTradingBot.Core.Persistence;

namespace NgTradingBot.UnitTests.Core;

public sealed class TradingModelTests
{
    [Fact]
    public void EveryChangeToTheModelHasItsMigration()
    {
        using var context = new TradingDbContextFactory().CreateDbContext([]);

        Assert.False(context.Database.HasPendingModelChanges(),
            "The model differs from the last migration's snapshot: dotnet ef migrations add <Name> --project NgTradingBot.Core");
    }

    [Fact]
    public async Task APooledContextNeverWrapsSaveChangesInASavepointEvenWhenReused()
    {
        await using var dataSource = NpgsqlDataSource.Create("Host=127.0.0.1;Database=unused");
        var services = new ServiceCollection()
            .AddPooledDbContextFactory<TradingDbContext>(options => TradingDbContext.Configure(options, dataSource))
            .BuildServiceProvider();
        var contexts = services.GetRequiredService<IDbContextFactory<TradingDbContext>>();

        await using (var first = await contexts.CreateDbContextAsync())
        {
            Assert.False(first.Database.AutoSavepointsEnabled);
            first.Database.AutoSavepointsEnabled = true;
        }
        await using var reused = await contexts.CreateDbContextAsync();

        Assert.False(reused.Database.AutoSavepointsEnabled);
    }

    [Fact]
    public void TheFirstMigrationIsTheOneAPreviousReleaseDatabaseIsAdoptedAs()
    {
        using var context = new TradingDbContextFactory().CreateDbContext([]);

        Assert.EndsWith("_Initial", context.Database.GetMigrations().First());
    }

    [Fact]
    public void TableAndColumnNamesAreSnakeCaseAndConstraintsKeepThePostgresNames()
    {
        using var context = new TradingDbContextFactory().CreateDbContext([]);
        var model = context.GetService<IDesignTimeModel>().Model;
        var commands = model.FindEntityType(typeof(NgTradingBot.Core.Commands.EaCommand))!;

        Assert.Equal("commands", commands.GetTableName());
        Assert.Equal("idempotency_key", commands.FindProperty(nameof(NgTradingBot.Core.Commands.EaCommand.IdempotencyKey))!.GetColumnName());
        Assert.Equal("commands_pkey", commands.FindPrimaryKey()!.GetName());
        Assert.Equal("commands_account_id_fkey", commands.GetForeignKeys().Single().GetConstraintName());
    }
}
