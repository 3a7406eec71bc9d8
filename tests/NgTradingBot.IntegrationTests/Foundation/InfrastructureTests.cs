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
    /// <summary>Core's <c>Database:MaxConnections</c> by default.</summary>
    private const int DefaultMaxConnections = 16;

    [Fact]
    public async Task CoreAppliesEveryMigrationAndReportsItFromTheDatabase()
    {
        await fixture.App.WaitHealthyAsync("core");
        using var client = fixture.App.CreateCoreClient();

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
    public async Task ABurstOfRequestsOpensNoMoreDatabaseConnectionsThanCoreIsAllowed()
    {
        await fixture.App.WaitHealthyAsync("core");
        using var client = fixture.App.CreateCoreClient();

        // Each read takes a connection for its query; 80 at once would open 80 without the cap.
        var reads = Enumerable.Range(0, 80).Select(_ => client.GetAsync("/api/accounts"));
        var answers = await Task.WhenAll(reads);

        Assert.All(answers, answer => Assert.True(answer.IsSuccessStatusCode, answer.StatusCode.ToString()));
        await using var connection = new NpgsqlConnection(await fixture.App.GetConnectionStringAsync("ngtradingbot"));
        await connection.OpenAsync();
        await using var sessions = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'ngtradingbot-core'", connection);
        var count = (long)(await sessions.ExecuteScalarAsync())!;
        Assert.InRange(count, 1, DefaultMaxConnections);
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
    public async Task WebServesTheSeedsSystemStatusFromCoreComputedFromTheStores()
    {
        const long login = 5_100_000_041;
        await using var probe = new SystemProbe(fixture.App);
        await using var ea = SimulatedEas.Create(fixture.App, login);
        Assert.True(await ea.InitAsync());
        await ea.TimerAsync();
        await ea.TimerAsync();
        await probe.EventuallyAsync<bool>("SELECT c.is_healthy FROM connections c JOIN accounts a ON a.id = c.account_id WHERE a.login = $1 AND c.is_healthy AND c.tick_batch_count = 2", login);
        await probe.WaitForIngestDrainedAsync();
        using var client = fixture.App.CreateWebClient();

        // Through Web (service discovery to Core), in the seeds' shape.
        var status = await client.GetFromJsonAsync<JsonElement>("/api/system/status");

        var connections = status.GetProperty("connections");
        var mine = connections.GetProperty("details").EnumerateArray().Single(d => d.GetProperty("account_number").GetInt64() == login);
        Assert.Equal(await probe.ScalarAsync<long>("SELECT id FROM accounts WHERE login = $1", login), mine.GetProperty("account_id").GetInt64());
        Assert.Equal(await probe.ScalarAsync<string>("SELECT broker FROM accounts WHERE login = $1", login), mine.GetProperty("broker").GetString());
        Assert.Equal("connected", mine.GetProperty("state").GetString());
        Assert.Equal(100m, mine.GetProperty("health_score").GetDecimal());
        Assert.True(mine.GetProperty("is_healthy").GetBoolean());
        Assert.Empty(mine.GetProperty("health_reasons").EnumerateArray());
        Assert.Equal(await probe.ScalarAsync<long>("SELECT c.heartbeat_count FROM connections c JOIN accounts a ON a.id = c.account_id WHERE a.login = $1", login),
            mine.GetProperty("heartbeat_count").GetInt64());
        Assert.True(mine.TryGetProperty("avg_heartbeat_latency_ms", out _));
        Assert.Equal(await probe.ScalarAsync<long>("SELECT count(*) FROM connections"), connections.GetProperty("total").GetInt64());
        Assert.Equal(connections.GetProperty("total").GetInt64(), connections.GetProperty("healthy").GetInt64() + connections.GetProperty("unhealthy").GetInt64());
        Assert.Equal(connections.GetProperty("details").EnumerateArray().Count(d => d.GetProperty("is_healthy").GetBoolean()), connections.GetProperty("healthy").GetInt64());

        var data = status.GetProperty("data");
        // Both tick batches carried every subscribed symbol; unchanged quotes count as received too.
        Assert.True(await probe.ScalarAsync<long>("SELECT c.ticks_received FROM connections c JOIN accounts a ON a.id = c.account_id WHERE a.login = $1", login)
            >= 2 * ea.Symbols.Count);
        Assert.Equal(await probe.ScalarAsync<long>("SELECT sum(ticks_received)::bigint FROM connections"), data.GetProperty("total_ticks_received").GetInt64());
        Assert.Equal(await probe.ScalarAsync<long>("SELECT sum(heartbeat_count)::bigint FROM connections"), data.GetProperty("total_heartbeats_received").GetInt64());

        var commands = status.GetProperty("commands");
        var completed = await probe.ScalarAsync<long>("SELECT count(*) FROM commands WHERE status = 'COMPLETED'");
        var failed = await probe.ScalarAsync<long>("SELECT count(*) FROM commands WHERE status IN ('FAILED', 'TIMED_OUT', 'EXPIRED')");
        var cancelled = await probe.ScalarAsync<long>("SELECT count(*) FROM commands WHERE status = 'CANCELLED'");
        Assert.Equal(completed + failed + cancelled, commands.GetProperty("total_processed").GetInt64());
        Assert.Equal(failed, commands.GetProperty("total_failed").GetInt64());
        Assert.Equal(await probe.ScalarAsync<long>("SELECT count(*) FROM commands WHERE status IN ('PENDING', 'DELIVERED', 'OUTCOME_UNKNOWN')"),
            commands.GetProperty("active").GetInt64());
        var processed = completed + failed + cancelled;
        Assert.Equal(processed == 0 ? 100m : Math.Round(100m * completed / processed, 2), commands.GetProperty("success_rate").GetDecimal());
        Assert.Equal(0, status.GetProperty("ingest").GetProperty("lag").GetInt64());
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
        var first = await stream.ReadNewAsync("consumer-1", 10, IngestLane.Data);
        // A consumer that died before acknowledging gets the same entries back as pending.
        var pending = await stream.ReadPendingAsync("consumer-1", 10, IngestLane.Data);
        // Another instance takes over what a consumer that is gone left behind.
        var claimed = await stream.ClaimAbandonedAsync("consumer-2", TimeSpan.Zero, 10, IngestLane.Data);
        await stream.AcknowledgeAsync(first);
        var afterAck = await stream.ReadPendingAsync("consumer-2", 10, IngestLane.Data);

        Assert.Equal(["tick", "log"], first.Select(m => m.Kind));
        Assert.Equal(new byte[] { 0xE9, 0x00, 0xFF }, first[1].Payload);
        Assert.Equal(first.Select(m => m.Id), pending.Select(m => m.Id));
        Assert.Equal(first.Select(m => m.Id), claimed.Select(m => m.Id));
        Assert.Empty(afterAck);
        Assert.Equal(0, await stream.LengthAsync());
    }

    [Fact]
    public async Task CommandDeliveriesAndResponsesTravelInTheirOwnAnnouncedLane()
    {
        using var redis = await ConnectionMultiplexer.ConnectAsync((await fixture.App.GetConnectionStringAsync("redis"))!);
        var stream = new IngestStream(redis, "test:" + Guid.NewGuid().ToString("N"));
        await stream.EnsureConsumerGroupAsync();
        var announced = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await redis.GetSubscriber().SubscribeAsync(stream.CommandLaneAppended, (_, _) => announced.TrySetResult());
        var data = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            data.Add(await stream.AppendAsync(IngestKinds.Ticks, Encoding.UTF8.GetBytes($"{{\"n\":{i}}}")));
        }
        Assert.False(announced.Task.IsCompleted);
        var response = await stream.AppendAsync(IngestKinds.CommandResponse, Encoding.UTF8.GetBytes("{\"r\":1}"));
        await announced.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // Appended last, read at once: the command lane never waits behind the data lane's backlog.
        var commands = await stream.ReadNewAsync("consumer-1", 10, IngestLane.Commands);
        await stream.AcknowledgeAsync(commands);
        var batch = await stream.ReadNewAsync("consumer-1", 3, IngestLane.Data);
        await stream.AcknowledgeAsync(batch);
        var rest = await stream.ReadNewAsync("consumer-1", 10, IngestLane.Data);

        Assert.Equal([IngestKinds.CommandResponse], commands.Select(e => e.Kind));
        Assert.Equal(response, commands[0].Id);
        Assert.Equal(IngestLane.Commands, commands[0].Lane);
        Assert.Equal(data.Take(3), batch.Select(e => e.Id));
        Assert.Equal(data.Skip(3), rest.Select(e => e.Id));
        // The two streams number entries independently; receipts must still tell them apart.
        Assert.NotEqual(commands[0].MessageId, new IngestEntry(commands[0].Id, IngestKinds.Ticks, []).MessageId);
        Assert.Equal(2, await stream.LengthAsync());
    }
}
