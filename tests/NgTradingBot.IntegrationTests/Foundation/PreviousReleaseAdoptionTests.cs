using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using NgTradingBot.IntegrationTests.Hosting;

namespace NgTradingBot.IntegrationTests.Foundation;

/// <summary>
/// A user who ran the previous release (schema version 2, made by its SQL scripts) starts this one on the same
/// database: Core adopts it and everything they had is still there and served.
/// </summary>
[Collection(LocalServersCollection.Name)]
public sealed class PreviousReleaseAdoptionTests(LocalServersFixture fixture)
{
    private const long Login = 71_000_001;
    private static readonly byte[] KeyHash = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    [Fact]
    public async Task CoreAdoptsAVersion2DatabaseAndKeepsItsAccountsKeysCommandsAndTrades()
    {
        var server = (await fixture.App.GetConnectionStringAsync("postgres"))!;
        var database = "adopt_" + Guid.NewGuid().ToString("N")[..8];
        var previous = await PreviousReleaseDatabase.CreateAsync(server, database);
        var before = await SchemaCatalog.ReadAsync(previous);
        await using (var seeding = new NpgsqlConnection(previous))
        {
            await seeding.OpenAsync();
            await using var seed = new NpgsqlCommand($$"""
                INSERT INTO accounts (login, broker, api_key_hash, api_key_issued_at, balance) VALUES ({{Login}}, 'Adopted Broker', @hash, now(), 1234.56);
                INSERT INTO commands (id, account_id, type, priority, status, payload, expires_at, finished_at, ticket)
                     SELECT 'cmd_adopted_1', id, 'OPEN_TRADE', 1, 'COMPLETED', '{"symbol":"EURUSD"}', now() + interval '1 hour', now(), 555 FROM accounts WHERE login = {{Login}};
                INSERT INTO trades (account_id, ticket, symbol, direction, volume, status, command_id)
                     SELECT id, 555, 'EURUSD', 'BUY', 0.10, 'open', 'cmd_adopted_1' FROM accounts WHERE login = {{Login}};
                """, seeding);
            seed.Parameters.AddWithValue("hash", KeyHash);
            await seed.ExecuteNonQueryAsync();
        }

        await using var given = await GivenServerApp.StartAsync(previous);
        using var core = given.App.CreateCoreClient();

        var account = await core.GetFromJsonAsync<JsonElement>($"/api/accounts/{Login}");
        var command = await core.GetFromJsonAsync<JsonElement>("/api/commands/cmd_adopted_1");

        Assert.Equal("Adopted Broker", account.GetProperty("broker").GetString());
        Assert.Equal("COMPLETED", command.GetProperty("status").GetString());
        await using var connection = new NpgsqlConnection(previous);
        await connection.OpenAsync();
        Assert.Equal(KeyHash, await ScalarAsync<byte[]>(connection, $"SELECT api_key_hash FROM accounts WHERE login = {Login}"));
        Assert.Equal(0.10m, await ScalarAsync<decimal>(connection, "SELECT volume FROM trades WHERE ticket = 555 AND command_id = 'cmd_adopted_1'"));
        Assert.EndsWith("_Initial", await ScalarAsync<string>(connection, "SELECT min(migration_id) FROM \"__EFMigrationsHistory\""));
        Assert.Equal(2, await ScalarAsync<int>(connection, "SELECT max(version) FROM schema_migrations"));
        // Adopted (Initial recorded as applied, the later migrations run) it ends with exactly the schema of a fresh install.
        var fresh = await SchemaCatalog.ReadAsync((await fixture.App.GetConnectionStringAsync("ngtradingbot"))!);
        var adopted = await SchemaCatalog.ReadAsync(previous);
        Assert.Empty(fresh.Except(adopted));
        Assert.Empty(adopted.Except(fresh));
        Assert.NotEqual(before, adopted);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
