using System.Net.Http.Json;
using System.Text.Json;
using NgTradingBot.IntegrationTests.Hosting;

namespace NgTradingBot.IntegrationTests.Ea;

public sealed class FleetFixture : AppFixture
{
    protected override IEnumerable<string> ExtraArguments => ["--simulate-eas", "2"];
}

[CollectionDefinition(Name)]
public sealed class FleetCollection : ICollectionFixture<FleetFixture>
{
    public const string Name = "simulated fleet";
}

/// <summary><c>--simulate-eas N</c>: the AppHost runs N simulated EAs beside the system, so a newcomer sees it work.</summary>
[Collection(FleetCollection.Name)]
public sealed class SimulatedFleetTests(FleetFixture fixture)
{
    [Fact]
    public async Task TheAppHostsSimulatedEasConnectAndStream()
    {
        await using var probe = new SystemProbe(fixture.App);

        // Generous: the simulator starts only once the gateway is healthy, on a machine the other suites share.
        await fixture.App.WaitForStateAsync("ea-simulator", s => s.State?.Text == KnownResourceStates.Running, TimeSpan.FromMinutes(2));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (await probe.ScalarAsync<long>("""
            SELECT count(DISTINCT a.login) FROM accounts a JOIN connections c ON c.account_id = a.id
            WHERE a.login IN (50000000, 50000001) AND c.state = 'connected' AND c.tick_batch_count > 5 AND c.heartbeat_count > 0
            """) < 2)
        {
            try
            {
                await Task.Delay(200, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                var connections = await probe.RowsAsync(
                    "SELECT a.login, c.state, c.tick_batch_count, c.heartbeat_count FROM accounts a LEFT JOIN connections c ON c.account_id = a.id");
                throw new TimeoutException($"The simulated EAs did not stream within 2 min; connections: "
                    + string.Join("; ", connections.Select(row => string.Join(",", row.Values)))
                    + "\n" + fixture.App.RecentLogs("ea-simulator", "gateway", "core"));
            }
        }

        Assert.True(await probe.ScalarAsync<long>("SELECT count(*) FROM ticks t JOIN accounts a ON a.id = t.account_id WHERE a.login = 50000000") > 0);
        // Real EA traffic must take the batched path: a batch stored message by message means a write bug.
        using var core = fixture.App.CreateCoreClient();
        var ingest = (await core.GetFromJsonAsync<JsonElement>("/api/status")).GetProperty("ingest");
        Assert.True(ingest.GetProperty("stored").GetInt64() > 0);
        Assert.Equal(0, ingest.GetProperty("isolatedBatches").GetInt64());
        Assert.Equal(0, ingest.GetProperty("deadLetters").GetInt64());
    }
}
