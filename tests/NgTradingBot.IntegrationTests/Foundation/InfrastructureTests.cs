using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using NgTradingBot.Infrastructure.Redis;
using NgTradingBot.IntegrationTests.Hosting;

namespace NgTradingBot.IntegrationTests.Foundation;

[Collection(AppCollection.Name)]
public sealed class InfrastructureTests(AppFixture fixture)
{
    [Fact]
    public async Task CoreAppliesEveryMigrationAndReportsItFromTheDatabase()
    {
        await fixture.App.WaitForResourceHealthyAsync("core");
        using var client = fixture.App.CreateHttpClient("core");

        var status = await client.GetFromJsonAsync<JsonElement>("/api/status");

        await using var connection = new NpgsqlConnection(fixture.App.GetConnectionString("postgres"));
        await connection.OpenAsync();
        await using var versions = new NpgsqlCommand("SELECT max(version) FROM schema_migrations", connection);
        var latest = (int)(await versions.ExecuteScalarAsync())!;
        Assert.True(latest >= 1);
        Assert.Equal(latest, status.GetProperty("schemaVersion").GetInt32());
    }

    [Fact]
    public async Task SchemaHoldsTheTablesTheMissionNeeds()
    {
        await fixture.App.WaitForResourceHealthyAsync("core");
        await using var connection = new NpgsqlConnection(fixture.App.GetConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'", connection);
        var tables = new HashSet<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        string[] expected = ["accounts", "connections", "commands", "command_events", "trades", "ticks", "ohlc_bars",
            "account_transactions", "ea_logs", "audit_events", "symbol_specs", "schema_migrations"];
        Assert.All(expected, table => Assert.Contains(table, tables));
    }

    [Fact]
    public async Task GatewayReachesRedis()
    {
        using var client = fixture.App.CreateHttpClient("gateway", "command");

        var status = await client.GetFromJsonAsync<JsonElement>("/api/status");

        Assert.Equal("success", status.GetProperty("status").GetString());
        Assert.True(status.GetProperty("redisPingMs").GetDouble() >= 0);
        Assert.Equal(fixture.App.Resources.OfType<NgTradingBot.AppHost.Hosting.Resources.ProjectResource>().Single(r => r.Name == "gateway").GetEndpoint("ticks").Port,
            status.GetProperty("ports").GetProperty("ticks").GetInt32());
    }

    [Fact]
    public async Task WebReachesCoreThroughServiceDiscovery()
    {
        using var client = fixture.App.CreateHttpClient("web");

        var status = await client.GetFromJsonAsync<JsonElement>("/api/system/status");

        Assert.Equal("core", status.GetProperty("core").GetProperty("service").GetString());
    }

    [Fact]
    public async Task RedisStreamsHandOffDurablyUntilAcknowledged()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:redis"] = fixture.App.GetConnectionString("redis");
        builder.AddRedisClient("redis");
        using var host = builder.Build();
        var streams = host.Services.GetRequiredService<IRedisStreams>();
        var stream = "test:" + Guid.NewGuid().ToString("N");
        await streams.EnsureConsumerGroupAsync(stream, "core");
        await streams.EnsureConsumerGroupAsync(stream, "core");

        await streams.AppendAsync(stream, "tick", Encoding.UTF8.GetBytes("{\"a\":1}"));
        await streams.AppendAsync(stream, "log", [0xE9, 0x00, 0xFF]);
        var first = await streams.ReadAsync(stream, "core", "consumer-1", 10);
        // A consumer that died before acknowledging gets the same entries back as pending.
        var pending = await streams.ReadAsync(stream, "core", "consumer-1", 10, pendingOnly: true);
        await streams.AcknowledgeAsync(stream, "core", [.. first.Select(m => m.Id)]);
        var afterAck = await streams.ReadAsync(stream, "core", "consumer-1", 10, pendingOnly: true);

        Assert.Equal(["tick", "log"], first.Select(m => m.Kind));
        Assert.Equal(new byte[] { 0xE9, 0x00, 0xFF }, first[1].Payload);
        Assert.Equal(first.Select(m => m.Id), pending.Select(m => m.Id));
        Assert.Empty(afterAck);
        Assert.Equal(0, await streams.LengthAsync(stream));
    }
}
