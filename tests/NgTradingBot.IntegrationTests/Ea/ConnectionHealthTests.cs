using System.Net.Http.Json;
using System.Text.Json;
using NgTradingBot.IntegrationTests.Hosting;

namespace NgTradingBot.IntegrationTests.Ea;

/// <summary>
/// Connection health from the EA's traffic, in the real composition (the fixture degrades a silent EA after 3 s
/// and disconnects it after 10 s): the states, the score's reasons, the stored transitions and the recovery.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ConnectionHealthTests(AppFixture fixture)
{
    private const string ConnectionOf = "FROM connections c JOIN accounts a ON a.id = c.account_id WHERE a.login = $1";

    [Fact]
    public async Task ASilentEaDegradesThenDisconnectsOnItsOwnAndComesBackWithTrafficWithoutAReconnect()
    {
        const long login = 5_100_000_031;
        await using var probe = new SystemProbe(fixture.App);
        await using var ea = SimulatedEas.Create(fixture.App, login);
        Assert.True(await ea.InitAsync());
        await ea.TimerAsync();
        await ea.ChartTickAsync();
        Assert.True(await probe.EventuallyAsync<bool>($"SELECT c.is_healthy {ConnectionOf} AND c.is_healthy AND c.health_score = 100", login));
        var key = ea.ApiKey;

        // Silence: no tick batch, no poll, no heartbeat. The degraded state lasts a few seconds; its stored
        // transition is what is read, so a probe that looks a moment late cannot miss it.
        var degradedReasons = await probe.EventuallyAsync<string>(
            "SELECT e.detail FROM connection_events e JOIN accounts a ON a.id = e.account_id WHERE a.login = $1 AND e.event = 'health.degraded'", login);
        Assert.Equal("disconnected", await probe.EventuallyAsync<string>($"SELECT c.state {ConnectionOf} AND c.state = 'disconnected'", login));
        var account = await CoreAccountAsync(login);

        Assert.Matches("^no request for [3-9] s$", degradedReasons);
        Assert.False(await probe.ScalarAsync<bool>($"SELECT c.is_healthy {ConnectionOf}", login));
        var events = await probe.RowsAsync(
            "SELECT e.event, e.detail FROM connection_events e JOIN accounts a ON a.id = e.account_id WHERE a.login = $1 ORDER BY e.id", login);
        Assert.Equal(["connected", "health.degraded", "health.disconnected"], events.Select(e => (string)e["event"]!));
        Assert.All(events.Skip(1), e => Assert.Matches("^no request for [0-9]+ s$", (string)e["detail"]!));
        var connection = account.GetProperty("connection");
        Assert.Equal("disconnected", connection.GetProperty("state").GetString());
        Assert.False(connection.GetProperty("isHealthy").GetBoolean());
        Assert.Equal(0m, connection.GetProperty("healthScore").GetDecimal());
        Assert.NotEmpty(connection.GetProperty("healthReasons").EnumerateArray());

        // The EA's timer traffic resumes: connected and healthy again, with the same key (no reconnect).
        await ea.TimerAsync();
        await ea.ChartTickAsync();
        Assert.Equal("connected", await probe.EventuallyAsync<string>($"SELECT c.state {ConnectionOf} AND c.state = 'connected' AND c.is_healthy", login));
        Assert.Equal(key, ea.ApiKey);
        Assert.True(await probe.EventuallyAsync<bool>($"SELECT true {ConnectionOf} AND c.health_score = 100 AND cardinality(c.health_reasons) = 0", login));
    }

    [Fact]
    public async Task RefusedHeartbeatsCostTheScoreWithTheirReasonAndAnAnsweredRequestEndsTheRun()
    {
        const long login = 5_100_000_032;
        await using var probe = new SystemProbe(fixture.App);
        using var wire = new EaWire(fixture.App);
        await using var ea = SimulatedEas.Create(fixture.App, login);
        Assert.True(await ea.InitAsync());
        await ea.TimerAsync();
        await ea.ChartTickAsync();
        await probe.EventuallyAsync<bool>($"SELECT c.is_healthy {ConnectionOf} AND c.is_healthy", login);

        for (var i = 0; i < 3; i++)
        {
            var refused = await wire.PostAsync("command", "/api/heartbeat", $$"""{"account":{{login}},"api_key":"wrong-key-{{i}}"}""");
            Assert.Equal(403, refused.Status);
        }
        var reasons = await probe.EventuallyAsync<string>(
            $"SELECT array_to_string(c.health_reasons, '; ') {ConnectionOf} AND c.consecutive_failures = 3", login);

        Assert.Contains("3 refused requests in a row (last: heartbeat 403", reasons);
        Assert.False(await probe.ScalarAsync<bool>($"SELECT c.is_healthy {ConnectionOf}", login));
        Assert.True(await probe.ScalarAsync<decimal>($"SELECT c.health_score {ConnectionOf}", login) < 100m);

        await ea.TimerAsync();
        Assert.True(await probe.EventuallyAsync<bool>($"SELECT c.is_healthy {ConnectionOf} AND c.is_healthy AND c.consecutive_failures = 0", login));
    }

    [Fact]
    public async Task AccountDetailsCarryRequestAndHeartbeatAnswerTimePercentilesFromTheGateways()
    {
        const long login = 5_100_000_033;
        await using var ea = SimulatedEas.Create(fixture.App, login);
        Assert.True(await ea.InitAsync());
        await ea.TimerAsync();
        await ea.ChartTickAsync();

        // The gateways report once a second; the percentiles cover the last 5 minutes across all of them.
        JsonElement latency;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            await Task.Delay(200);
            latency = (await CoreAccountAsync(login)).GetProperty("connection").GetProperty("latency");
        }
        while (latency.GetProperty("heartbeats").GetProperty("count").GetInt64() == 0 && DateTime.UtcNow < deadline);

        var requests = latency.GetProperty("requests");
        var heartbeats = latency.GetProperty("heartbeats");
        Assert.Equal(1, heartbeats.GetProperty("count").GetInt64());
        Assert.True(requests.GetProperty("count").GetInt64() >= 3, requests.ToString());
        var p50 = requests.GetProperty("p50").GetDouble();
        var p99 = requests.GetProperty("p99").GetDouble();
        Assert.InRange(p50, 0.0, p99);
        Assert.InRange(p99, p50, 5000.0);
        Assert.True(heartbeats.GetProperty("p95").GetDouble() > 0);
    }

    [Fact]
    public async Task UptimeIsTheShareOfEachWindowTheStoredTransitionsSayTheEaWasInContact()
    {
        const long login = 5_100_000_034;
        using var wire = new EaWire(fixture.App);
        await using var probe = new SystemProbe(fixture.App);
        await wire.ConnectAsync(login);
        // Before the connect just made: in contact from 10 minutes ago, silent from 4 until 2 minutes ago.
        await probe.ScalarAsync<object>("""
            INSERT INTO connection_events (account_id, at, event, detail)
            SELECT a.id, now() - e.ago, e.event, 'test' FROM accounts a,
                   (VALUES (interval '10 minutes', 'connected'), (interval '4 minutes', 'disconnected'), (interval '2 minutes', 'resumed')) AS e(ago, event)
             WHERE a.login = $1
            """, login);

        var uptime = (await CoreAccountAsync(login)).GetProperty("connection").GetProperty("uptime").EnumerateArray()
            .ToDictionary(w => w.GetProperty("window").GetString()!);
        using var web = fixture.App.CreateWebClient();
        var status = await web.GetFromJsonAsync<JsonElement>("/api/system/status");
        var listed = status.GetProperty("connections").GetProperty("details").EnumerateArray()
            .Single(d => d.GetProperty("account_number").GetInt64() == login).GetProperty("uptime");

        Assert.Equal(["5m", "1h", "1d", "1w"], uptime.Keys);
        // 5 minutes: up 1 of the first 3, then the last 2 (the health check may have seen a few seconds of silence since).
        Assert.InRange(uptime["5m"].GetProperty("upPercent").GetDouble(), 58, 60.5);
        Assert.InRange(uptime["5m"].GetProperty("observedSeconds").GetInt64(), 299, 301);
        // Longer windows cover only the 10 minutes there are events for: up 6, down 2, up 2.
        foreach (var window in new[] { "1h", "1d", "1w" })
        {
            Assert.InRange(uptime[window].GetProperty("upPercent").GetDouble(), 79, 80.5);
            Assert.InRange(uptime[window].GetProperty("observedSeconds").GetInt64(), 599, 630);
        }
        Assert.Equal(4, listed.GetArrayLength());
        Assert.InRange(listed[1].GetProperty("up_percent").GetDouble(), 79, 80.5);
    }

    private async Task<JsonElement> CoreAccountAsync(long login)
    {
        using var core = fixture.App.CreateCoreClient();
        return await core.GetFromJsonAsync<JsonElement>($"/api/accounts/{login}");
    }
}
