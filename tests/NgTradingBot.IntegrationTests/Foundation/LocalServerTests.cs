using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NgTradingBot.IntegrationTests.Hosting;
using StackExchange.Redis;

namespace NgTradingBot.IntegrationTests.Foundation;

/// <summary>A composition of its own: these tests stop and restart PostgreSQL and Redis under the other services.</summary>
public sealed class LocalServersFixture : AppFixture;

[CollectionDefinition(Name)]
public sealed class LocalServersCollection : ICollectionFixture<LocalServersFixture>
{
    public const string Name = "local servers";
}

/// <summary>PostgreSQL and Redis as local executables: initdb once, data kept across restarts, a fast shutdown.</summary>
[Collection(LocalServersCollection.Name)]
public sealed class LocalServerTests(LocalServersFixture fixture)
{
    private ResourceCommandService Commands => fixture.App.Services.GetRequiredService<ResourceCommandService>();

    [Fact]
    public async Task ThePostgresClusterIsInitialisedOnceAndKeepsItsDataAcrossARestart()
    {
        var connectionString = (await fixture.App.GetConnectionStringAsync("ngtradingbot"))!;
        var table = "kept_" + Guid.NewGuid().ToString("N")[..8];
        var clusterBefore = await ScalarAsync<long>(connectionString, "SELECT system_identifier FROM pg_control_system()");
        await ScalarAsync<int>(connectionString, $"CREATE TABLE {table} (v int); INSERT INTO {table} VALUES (42); SELECT 1");

        var restart = await RestartAsync("postgres");
        await fixture.App.WaitHealthyAsync("ngtradingbot", throughRestart: true);

        Assert.True(restart.Success, restart.Message);
        Assert.Equal(clusterBefore, await ScalarAsync<long>(connectionString, "SELECT system_identifier FROM pg_control_system()"));
        Assert.Equal(42, await ScalarAsync<int>(connectionString, $"SELECT v FROM {table}"));
        Assert.True(File.Exists(Path.Combine(fixture.DataDirectory, "postgres", "PG_VERSION")));
    }

    [Fact]
    public async Task PostgresStopsWithAFastShutdownWhileClientsAreConnected()
    {
        var connectionString = (await fixture.App.GetConnectionStringAsync("ngtradingbot"))!;
        // A smart shutdown (SIGTERM's) would wait for this idle client until the orchestrator killed the server.
        await using var client = new NpgsqlConnection(connectionString + ";Pooling=false");
        await client.OpenAsync();
        var stopped = fixture.App.WaitForStateAsync("postgres", s => s.State?.Text == KnownResourceStates.Exited
            || s.State?.Text == KnownResourceStates.Finished);

        Assert.True(fixture.App.ResourceNotifications.TryGetCurrentState("core", out var coreBefore));

        var clock = Stopwatch.StartNew();
        var stop = await Commands.ExecuteCommandAsync("postgres", KnownResourceCommands.StopCommand);
        var exit = await stopped;
        var took = clock.Elapsed;
        // Long enough for every one of Core's sweeps (each runs at least every second) to meet the database down.
        await Task.Delay(TimeSpan.FromSeconds(3));
        using var core = fixture.App.CreateCoreClient();
        using var whileDown = await core.GetAsync("/api/accounts");
        var whileDownBody = await whileDown.Content.ReadAsStringAsync();
        var start = await Commands.ExecuteCommandAsync("postgres", KnownResourceCommands.StartCommand);
        await fixture.App.WaitForStateAsync("postgres", s => s.State?.Text == KnownResourceStates.Running);
        await fixture.App.WaitHealthyAsync("postgres", throughRestart: true);
        await fixture.App.WaitHealthyAsync("core", throughRestart: true);

        Assert.True(stop.Success, stop.Message);
        Assert.True(took < TimeSpan.FromSeconds(10), $"stopping took {took}");
        Assert.Equal(0, exit.Snapshot.ExitCode);
        Assert.True(start.Success, start.Message);
        Assert.True(whileDown.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)whileDown.StatusCode}: {whileDownBody}");
        Assert.Contains("unavailable", whileDownBody);
        // Core rode the outage out in the same process: it neither stopped nor was started again.
        Assert.True(fixture.App.ResourceNotifications.TryGetCurrentState("core", out var coreAfter));
        Assert.Equal(coreBefore.Snapshot.StartTimeStamp, coreAfter.Snapshot.StartTimeStamp);
    }

    [Fact]
    public async Task RedisKeepsWhatItAcknowledgedAcrossARestart()
    {
        var key = "kept:" + Guid.NewGuid().ToString("N");
        var connectionString = (await fixture.App.GetConnectionStringAsync("redis"))!;
        using (var redis = await ConnectionMultiplexer.ConnectAsync(connectionString))
        {
            await redis.GetDatabase().StringSetAsync(key, "42");
        }

        var restart = await RestartAsync("redis");
        using var after = await ConnectionMultiplexer.ConnectAsync(connectionString);

        Assert.True(restart.Success, restart.Message);
        Assert.Equal("42", (string?)await after.GetDatabase().StringGetAsync(key));
        Assert.True(Directory.Exists(Path.Combine(fixture.DataDirectory, "redis", "appendonlydir")));
    }

    /// <summary>Restarts the server and waits until the new process runs and is healthy (not the old one's state).</summary>
    private async Task<ExecuteCommandResult> RestartAsync(string resource)
    {
        Assert.True(fixture.App.ResourceNotifications.TryGetCurrentState(resource, out var before));
        var started = fixture.App.WaitForStateAsync(resource, s => s.State?.Text == KnownResourceStates.Running
            && s.StartTimeStamp > before.Snapshot.StartTimeStamp && s.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy);
        var result = await Commands.ExecuteCommandAsync(resource, KnownResourceCommands.RestartCommand);
        await started;
        return result;
    }

    // Unpooled: these tests restart the server under every pooled connection.
    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T));
    }
}
