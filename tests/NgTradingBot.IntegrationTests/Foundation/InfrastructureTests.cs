using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using NgTradingBot.Handoff;
using NgTradingBot.IntegrationTests.Hosting;
using StackExchange.Redis;

namespace NgTradingBot.IntegrationTests.Foundation;

[Collection(AppCollection.Name)]
public sealed class InfrastructureTests(AppFixture fixture)
{
    [Fact]
    public async Task CoreAppliesEveryMigrationAndReportsItFromTheDatabase()
    {
        await fixture.App.WaitHealthyAsync("core");
        using var client = fixture.App.CreateHttpClient("core");

        var status = await client.GetFromJsonAsync<JsonElement>("/api/status");

        await using var connection = new NpgsqlConnection(await fixture.App.GetConnectionStringAsync("ngtradingbot"));
        await connection.OpenAsync();
        await using var applied = new NpgsqlCommand("SELECT max(migration_id) FROM \"__EFMigrationsHistory\"", connection);
        var latest = (string)(await applied.ExecuteScalarAsync())!;
        Assert.Equal(latest, status.GetProperty("schemaMigration").GetString());
    }

    [Fact]
    public async Task SchemaHoldsTheTablesTheMissionNeeds()
    {
        await fixture.App.WaitHealthyAsync("core");
        await using var connection = new NpgsqlConnection(await fixture.App.GetConnectionStringAsync("ngtradingbot"));
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
            "account_transactions", "ea_logs", "audit_events", "symbol_specs", "__EFMigrationsHistory"];
        Assert.All(expected, table => Assert.Contains(table, tables));
    }

    [Fact]
    public async Task GatewayReachesRedis()
    {
        using var client = fixture.App.CreateHttpClient("gateway", "command");

        var status = await client.GetFromJsonAsync<JsonElement>("/api/status");

        Assert.Equal("success", status.GetProperty("status").GetString());
        Assert.True(status.GetProperty("redisPingMs").GetDouble() >= 0);
        Assert.Equal(fixture.App.GetEndpoint("gateway", "ticks").Port, status.GetProperty("ports").GetProperty("ticks").GetInt32());
    }

    [Fact]
    public async Task WebReachesCoreThroughServiceDiscovery()
    {
        using var client = fixture.App.CreateHttpClient("web");

        var status = await client.GetFromJsonAsync<JsonElement>("/api/system/status");

        Assert.Equal("core", status.GetProperty("core").GetProperty("service").GetString());
    }

    [Fact]
    public async Task TheIngestStreamHandsOffDurablyUntilAcknowledged()
    {
        using var redis = await ConnectionMultiplexer.ConnectAsync((await fixture.App.GetConnectionStringAsync("redis"))!);
        var stream = new IngestStream(redis, "test:" + Guid.NewGuid().ToString("N"));
        await stream.EnsureConsumerGroupAsync();
        await stream.EnsureConsumerGroupAsync();

        await stream.AppendAsync("tick", Encoding.UTF8.GetBytes("{\"a\":1}"));
        await stream.AppendAsync("log", [0xE9, 0x00, 0xFF]);
        var first = await stream.ReadNewAsync("consumer-1", 10);
        // A consumer that died before acknowledging gets the same entries back as pending.
        var pending = await stream.ReadPendingAsync("consumer-1", 10);
        // Another instance takes over what a consumer that is gone left behind.
        var claimed = await stream.ClaimAbandonedAsync("consumer-2", TimeSpan.Zero, 10);
        await stream.AcknowledgeAsync(first);
        var afterAck = await stream.ReadPendingAsync("consumer-2", 10);

        Assert.Equal(["tick", "log"], first.Select(m => m.Kind));
        Assert.Equal(new byte[] { 0xE9, 0x00, 0xFF }, first[1].Payload);
        Assert.Equal(first.Select(m => m.Id), pending.Select(m => m.Id));
        Assert.Equal(first.Select(m => m.Id), claimed.Select(m => m.Id));
        Assert.Empty(afterAck);
        Assert.Equal(0, await stream.LengthAsync());
    }

    [Fact]
    public async Task CommandDeliveriesAndResponsesOvertakeTheEasDataBacklog()
    {
        using var redis = await ConnectionMultiplexer.ConnectAsync((await fixture.App.GetConnectionStringAsync("redis"))!);
        var stream = new IngestStream(redis, "test:" + Guid.NewGuid().ToString("N"));
        await stream.EnsureConsumerGroupAsync();
        var data = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            data.Add(await stream.AppendAsync(IngestKinds.Ticks, Encoding.UTF8.GetBytes($"{{\"n\":{i}}}")));
        }
        var response = await stream.AppendAsync(IngestKinds.CommandResponse, Encoding.UTF8.GetBytes("{\"r\":1}"));

        var batch = await stream.ReadNewAsync("consumer-1", 3);
        await stream.AcknowledgeAsync(batch);
        var rest = await stream.ReadNewAsync("consumer-1", 10);

        // Appended last, read first (the count is per lane); each lane keeps its own order.
        Assert.Equal([IngestKinds.CommandResponse, IngestKinds.Ticks, IngestKinds.Ticks, IngestKinds.Ticks], batch.Select(e => e.Kind));
        Assert.Equal(response, batch[0].Id);
        Assert.Equal(IngestLane.Commands, batch[0].Lane);
        Assert.Equal(data.Take(3), batch.Skip(1).Select(e => e.Id));
        Assert.Equal(data.Skip(3), rest.Select(e => e.Id));
        // The two streams number entries independently; receipts must still tell them apart.
        Assert.NotEqual(batch[0].MessageId, new IngestEntry(batch[0].Id, IngestKinds.Ticks, []).MessageId);
        Assert.Equal(2, await stream.LengthAsync());
    }
}
