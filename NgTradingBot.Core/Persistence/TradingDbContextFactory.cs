using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace NgTradingBot.Core.Persistence;

/// <summary>
/// How <c>dotnet ef</c> builds the context without starting Core (which needs the AppHost's connection string).
/// Adding a migration never connects; commands that do (database update, script --idempotent against a server)
/// take <c>ConnectionStrings__ngtradingbot</c> from the environment.
/// </summary>
public sealed class TradingDbContextFactory : IDesignTimeDbContextFactory<TradingDbContext>
{
    public TradingDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable($"ConnectionStrings__{SchemaMigrator.ConnectionName}")
            ?? "Host=localhost;Database=ngtradingbot;Username=postgres";
        var options = new DbContextOptionsBuilder<TradingDbContext>();
        TradingDbContext.Configure(options, NpgsqlDataSource.Create(connectionString));
        return new TradingDbContext(options.Options);
    }
}
