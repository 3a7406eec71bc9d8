using System.Net;
using System.Text.Json;
using NgTradingBot.EaSimulator;
using NgTradingBot.IntegrationTests.Hosting;

namespace NgTradingBot.IntegrationTests.Ea;

/// <summary>
/// Core's history lists read back what two EAs on two brokers sent, each list paged newest first and scoped to the
/// one account asked for; bad paging gets a 400 with its reason.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AccountHistoryTests(AppFixture fixture)
{
    private const long Login = 5_700_000_001;
    private const long OtherLogin = 5_700_000_002;
    private const long BrokerSecond = 1_764_000_000;

    [Fact]
    public async Task EachListPagesThroughOneAccountsDataNewestFirstWithoutGapsOrRepeats()
    {
        using var wire = new EaWire(fixture.App);
        await using var probe = new SystemProbe(fixture.App);
        using var core = fixture.App.CreateCoreClient();
        var key = await wire.ConnectAsync(Login, "History Broker A");
        var otherKey = await wire.ConnectAsync(OtherLogin, "History Broker B");

        // Four EURUSD quotes share one second, as every symbol of one EA timer call does, so pages split a tie.
        TickSample Tick(string symbol, double bid, long second) => new(symbol, bid, bid + 0.0002, 1, BrokerSecond + second, 0, false);
        TickSample[] ticks =
        [
            Tick("EURUSD", 1.10001, 0), Tick("GBPUSD", 1.30001, 0), Tick("EURUSD", 1.10002, 1), Tick("GBPUSD", 1.30002, 1),
            Tick("EURUSD", 1.10003, 2), Tick("EURUSD", 1.10004, 2), Tick("EURUSD", 1.10005, 2), Tick("EURUSD", 1.10006, 2),
            Tick("EURUSD", 1.10007, 3), Tick("EURUSD", 1.10008, 4),
        ];
        for (var batch = 0; batch < 3; batch++)
        {
            // A balance change is sampled at once: three batches, three points on the equity curve.
            var account = new AccountSnapshot(10_000 + batch * 10, 10_005 + batch * 10, 0, 10_005 + batch * 10);
            Assert.Equal(200, (await wire.PostAsync("ticks", "/api/ticks", EaRequestBodies.Ticks(Login, key,
                ticks.Skip(batch * 4).Take(batch == 2 ? 2 : 4), [], account, ProfitWindows.Zero))).Status);
            await probe.WaitForIngestDrainedAsync();
        }
        Assert.Equal(200, (await wire.PostAsync("ticks", "/api/ticks", EaRequestBodies.Ticks(OtherLogin, otherKey,
            [Tick("EURUSD", 2.20001, 2), Tick("EURUSD", 2.20002, 3)], [], new AccountSnapshot(500, 500, 0, 500), ProfitWindows.Zero))).Status);
        for (var i = 0; i < 3; i++)
        {
            await wire.PostAsync("command", "/api/transaction",
                EaRequestBodies.Transaction(Login, key, (ulong)(700_001 + i), "BALANCE", 100 + i, BrokerSecond + i * 60, $"deposit {i}", 10_100 + i));
        }
        await wire.PostAsync("command", "/api/transaction",
            EaRequestBodies.Transaction(OtherLogin, otherKey, 700_009, "BALANCE", 1, BrokerSecond, "other", 501));
        await wire.PostAsync("logs", "/api/log", EaRequestBodies.Log(Login, key, "ERROR", "Order failed", "retcode 10019"));
        await wire.PostAsync("logs", "/api/log", EaRequestBodies.Log(OtherLogin, otherKey, "ERROR", "Other failed", "retcode 10019"));
        var bars = Enumerable.Range(0, 5).Select(i => new Bar(BrokerSecond + i * 3600, 1.1, 1.2, 1.0, 1.15, 100 + i)).ToList();
        Assert.Equal(200, (await wire.PostAsync("command", "/api/ohlc/historical", EaRequestBodies.Historical(Login, "EURUSD", "H1", bars), key)).Status);
        Assert.Equal(200, (await wire.PostAsync("command", "/api/ohlc/historical",
            EaRequestBodies.Historical(OtherLogin, "EURUSD", "H1", [new Bar(BrokerSecond + 9 * 3600, 2, 2, 2, 2, 1)]), otherKey)).Status);
        await probe.WaitForIngestDrainedAsync();

        var eurusd = await ReadAllAsync(core, $"/api/accounts/{Login}/ticks?symbol=EURUSD&limit=3");
        var allTicks = await ReadAllAsync(core, $"/api/accounts/{Login}/ticks?limit=4");
        var equity = await ReadAllAsync(core, $"/api/accounts/{Login}/equity?limit=2");
        var transactions = await ReadAllAsync(core, $"/api/accounts/{Login}/transactions?limit=2");
        var errors = await ReadAllAsync(core, $"/api/accounts/{Login}/logs?level=error&limit=1");
        var barPages = await ReadAllAsync(core, $"/api/accounts/{Login}/bars?symbol=EURUSD&timeframe=H1&limit=2");
        var audit = await ReadAllAsync(core, $"/api/accounts/{Login}/audit?limit=2");

        // Every EURUSD quote once, newest first (the order within one second is not part of the contract).
        Assert.Equal([1.10001m, 1.10002m, 1.10003m, 1.10004m, 1.10005m, 1.10006m, 1.10007m, 1.10008m],
            eurusd.Select(t => t.GetProperty("bid").GetDecimal()).Order());
        var times = eurusd.Select(t => t.GetProperty("time").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderDescending(), times);
        Assert.All(eurusd, t => Assert.Equal("EURUSD", t.GetProperty("symbol").GetString()));
        Assert.Equal(10, allTicks.Count);
        Assert.Equal(10, allTicks.Select(t => t.GetProperty("bid").GetDecimal()).Distinct().Count());
        Assert.DoesNotContain(allTicks, t => t.GetProperty("bid").GetDecimal() > 2);
        Assert.Equal([10_020m, 10_010m, 10_000m], equity.Select(p => p.GetProperty("balance").GetDecimal()));
        Assert.Equal([700_003L, 700_002L, 700_001L], transactions.Select(t => t.GetProperty("ticket").GetInt64()));
        Assert.Equal("Order failed", Assert.Single(errors).GetProperty("message").GetString());
        Assert.Equal(bars.Select(b => b.Time).Reverse(), barPages.Select(b => b.GetProperty("openTimeBroker").GetInt64()));
        Assert.Contains(audit, e => e.GetProperty("action").GetString() == "account.connected");
        Assert.All(audit, e => Assert.Equal(Login.ToString(), e.GetProperty("subject").GetString()));
        Assert.Equal(await probe.ScalarAsync<long>(
            "SELECT count(*) FROM audit_events e JOIN accounts a ON a.id = e.account_id WHERE a.login = $1", Login), audit.Count);
    }

    [Theory]
    [InlineData("ticks?limit=0", "limit must be between 1 and 1000")]
    [InlineData("ticks?limit=lots", "limit must be between 1 and 1000")]
    [InlineData("ticks?from=yesterday", "from must be an ISO 8601 time")]
    [InlineData("ticks?from=2026-12-03T10:00:00Z&to=2026-12-03T09:00:00Z", "from must not be later than to")]
    [InlineData("equity?cursor=page2", "cursor must be a nextCursor this list returned")]
    [InlineData("ticks?symbol=EUR%20USD", "symbol must be a symbol name")]
    [InlineData("bars?timeframe=H1", "symbol is required")]
    [InlineData("bars?symbol=EURUSD&timeframe=M2", "timeframe is required and must be one of")]
    [InlineData("logs?level=DEBUG", "level must be one of")]
    public async Task UnusableQueriesAreRefusedWithTheirReason(string query, string reason)
    {
        using var core = fixture.App.CreateCoreClient();

        using var response = await core.GetAsync($"/api/accounts/{Login}/{query}");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, body.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("/api/accounts/5700000099/ticks", HttpStatusCode.NotFound, "Account 5700000099 is not known")]
    [InlineData("/api/accounts/not-a-login/audit", HttpStatusCode.BadRequest, "login")]
    public async Task AnUnknownAccountIsNotFoundAndAMalformedOneIsRefused(string path, HttpStatusCode status, string message)
    {
        using var core = fixture.App.CreateCoreClient();

        using var response = await core.GetAsync(path);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(message, body.GetProperty("message").GetString());
    }

    /// <summary>Follows nextCursor to the last page; fails on a repeated cursor (a list that would never end).</summary>
    private static async Task<List<JsonElement>> ReadAllAsync(HttpClient core, string path)
    {
        var items = new List<JsonElement>();
        var cursors = new HashSet<string>();
        string? cursor = null;
        do
        {
            var page = JsonDocument.Parse(await core.GetStringAsync(cursor is null ? path : $"{path}&cursor={Uri.EscapeDataString(cursor)}")).RootElement;
            items.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString();
            Assert.True(cursor is null || cursors.Add(cursor), $"{path} returned cursor {cursor} twice");
        }
        while (cursor is not null);
        return items;
    }
}
