using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NgTradingBot.Core.Persistence;

namespace NgTradingBot.UnitTests.Core;

public sealed class StoreFailuresTests
{
    [Fact]
    public async Task ADatabaseThatIsDownIsTransientEvenThroughEfCoresWrapping()
    {
        // Port 1 refuses at once: what a sweep sees while PostgreSQL restarts.
        await using var dataSource = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Database=unused;Timeout=2");
        var services = new ServiceCollection()
            .AddPooledDbContextFactory<TradingDbContext>(options => TradingDbContext.Configure(options, dataSource))
            .BuildServiceProvider();
        await using var db = await services.GetRequiredService<IDbContextFactory<TradingDbContext>>().CreateDbContextAsync();

        var failure = await Record.ExceptionAsync(() => db.Accounts.CountAsync());

        Assert.NotNull(failure);
        Assert.IsNotAssignableFrom<NpgsqlException>(failure);
        Assert.True(StoreFailures.IsTransient(failure), failure.ToString());
    }

    [Fact]
    public void AConstraintViolationOrADefectIsNotTransient()
    {
        var duplicate = new DbUpdateException("save failed",
            new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation));

        Assert.False(StoreFailures.IsTransient(duplicate));
        Assert.False(StoreFailures.IsTransient(new InvalidOperationException("a defect")));
    }

    [Fact]
    public void ADeadlockIsTransient()
    {
        Assert.True(StoreFailures.IsTransient(new DbUpdateException("save failed",
            new PostgresException("deadlock detected", "ERROR", "ERROR", PostgresErrorCodes.DeadlockDetected))));
    }
}
