using Npgsql;
using NgTradingBot.IntegrationTests.Hosting;

namespace NgTradingBot.IntegrationTests.Foundation;

/// <summary>
/// <c>ConnectionStrings:*</c> given to the AppHost: an existing server is used instead of starting one, and the
/// services see it under the same names. The local servers' composition lends its PostgreSQL as that server.
/// </summary>
[Collection(LocalServersCollection.Name)]
public sealed class ExternalServerTests(LocalServersFixture fixture)
{
    [Fact]
    public async Task AGivenServerReplacesTheLocalOneAndHoldsOurDatabaseByDefault()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.NgTradingBot_AppHost>(
            ["--ConnectionStrings:postgres=Host=db.example;Port=5432;Username=trader;Password=secret", "--AppHost:DynamicPorts=true"]);

        var database = builder.Resources.OfType<IResourceWithConnectionString>().Single(r => r.Name == "ngtradingbot");
        var connectionString = await database.ConnectionStringExpression.GetValueAsync(CancellationToken.None);

        Assert.DoesNotContain(builder.Resources, r => r.Name == "postgres");
        Assert.Equal("ngtradingbot", new NpgsqlConnectionStringBuilder(connectionString).Database);
        Assert.Equal("db.example", new NpgsqlConnectionStringBuilder(connectionString).Host);
        Assert.Contains(builder.Resources, r => r.Name == "redis");
    }

    [Fact]
    public async Task CoreCreatesItsDatabaseOnAGivenServerThatLacksIt()
    {
        var server = new NpgsqlConnectionStringBuilder(await fixture.App.GetConnectionStringAsync("postgres")) { Database = "given_" + Guid.NewGuid().ToString("N")[..8] };
        await using var given = await GivenServerApp.StartAsync(server.ConnectionString);

        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var migrations = new NpgsqlCommand("SELECT count(*) FROM \"__EFMigrationsHistory\"", connection);
        Assert.True((long)(await migrations.ExecuteScalarAsync())! >= 1);
    }
}
