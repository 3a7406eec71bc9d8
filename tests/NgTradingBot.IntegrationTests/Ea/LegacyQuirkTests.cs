using NgTradingBot.EaSimulator;
using NgTradingBot.IntegrationTests.Hosting;

namespace NgTradingBot.IntegrationTests.Ea;

/// <summary>
/// Each quirk of the deployed EA (contract section 10) that the server must absorb, with the body built
/// exactly as the EA builds it: unescaped strings, Windows-1252 bytes, fixed decimals, 64-bit numbers.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class LegacyQuirkTests(AppFixture fixture)
{
    private static readonly AccountSnapshot Account = new(10000, 10012.34, 120.5, 9891.84);

    [Fact]
    public async Task ABrokerNameWithRawQuotesBackslashesAndAnsiBytesStillConnects()
    {
        const long login = 5_300_000_001;
        using var wire = new EaWire(fixture.App);
        await using var probe = new SystemProbe(fixture.App);
        const string broker = "Soci\u00e9t\u00e9 \"G\u00e9n\u00e9rale\" C:\\Markets";

        var reply = await wire.PostAsync("command", "/api/connect", EaRequestBodies.Connect(login, broker, 1730709000, ["EURUSD", "GBPUSD"]));

        Assert.Equal(200, reply.Status);
        Assert.False(string.IsNullOrEmpty(EaResponseParser.ApiKey(reply.Body)));
        Assert.Equal(broker, await probe.ScalarAsync<string>("SELECT broker FROM accounts WHERE login = $1", login));
    }

    [Fact]
    public async Task LogAndTransactionTextWithRawQuotesIsStoredAsSent()
    {
        const long login = 5_300_000_002;
        using var wire = new EaWire(fixture.App);
        await using var probe = new SystemProbe(fixture.App);
        var key = await wire.ConnectAsync(login);
        const string details = "Retcode 10016 (Invalid stops \"SL\") - BUY EURUSD 0.10 | path C:\\temp\\x {a} [b]";

        var log = await wire.PostAsync("logs", "/api/log", EaRequestBodies.Log(login, key, "ERROR", "Order \"rejected\" by broker", details));
        var deposit = await wire.PostAsync("command", "/api/transaction",
            EaRequestBodies.Transaction(login, key, 9_000_000_001, "BALANCE", 1000, 1729000000, "Deposit \"bonus\", thanks \\o/", 10000));

        Assert.Equal(200, log.Status);
        Assert.Equal(200, deposit.Status);
        Assert.Equal(details, await probe.EventuallyAsync<string>(
            "SELECT l.details FROM ea_logs l JOIN accounts a ON a.id = l.account_id WHERE a.login = $1 AND l.message = 'Order \"rejected\" by broker'", login));
        Assert.Equal("Deposit \"bonus\", thanks \\o/", await probe.EventuallyAsync<string>(
            "SELECT t.comment FROM account_transactions t JOIN accounts a ON a.id = t.account_id WHERE a.login = $1 AND t.ticket = 9000000001", login));
    }

    [Fact]
    public async Task TransactionsResentAfterARestartAreStoredOnceAndZeroAmountsAreAccepted()
    {
        const long login = 5_300_000_003;
        using var wire = new EaWire(fixture.App);
        await using var probe = new SystemProbe(fixture.App);
        var key = await wire.ConnectAsync(login);

        for (var restart = 0; restart < 3; restart++)
        {
            Assert.Equal(200, (await wire.PostAsync("command", "/api/transaction",
                EaRequestBodies.Transaction(login, key, 700001, "BALANCE", 5000, 1729000000, "Deposit", 5000))).Status);
            Assert.Equal(200, (await wire.PostAsync("command", "/api/transaction",
                EaRequestBodies.Transaction(login, key, 700002, "CORRECTION", 0, 1729000100, "zero correction", 5000))).Status);
        }
        await probe.WaitForIngestDrainedAsync();

        Assert.Equal(2L, await probe.ScalarAsync<long>(
            "SELECT count(*) FROM account_transactions t JOIN accounts a ON a.id = t.account_id WHERE a.login = $1", login));
    }

    [Fact]
    public async Task AHugeTickBodyAfterAnOutageIsAcceptedAndStored()
    {
        const long login = 5_300_000_004;
        using var wire = new EaWire(fixture.App);
        await using var probe = new SystemProbe(fixture.App);
        var key = await wire.ConnectAsync(login);
        // 10 symbols x 20 per second x 60 s = 12 000 ticks a minute of outage; this is about 15 minutes.
        var ticks = Enumerable.Range(0, 180_000).Select(i =>
            new TickSample($"SYM{i % 10}", 1.0 + i * 0.00001, 1.0 + i * 0.00001 + 0.00008, 0, 1730709000 + i / 200, -3600, false)).ToList();
        var body = EaRequestBodies.Ticks(login, key, ticks, [], Account, ProfitWindows.Zero);
        Assert.True(body.Length > 20_000_000, $"body is only {body.Length} bytes");

        var reply = await wire.PostAsync("ticks", "/api/ticks", body);

        Assert.Equal(200, reply.Status);
        await probe.WaitForIngestDrainedAsync();
        Assert.Equal(180_000L, await probe.ScalarAsync<long>(
            "SELECT count(*) FROM ticks t JOIN accounts a ON a.id = t.account_id WHERE a.login = $1", login));
    }

    [Fact]
    public async Task UnchangedQuotesSnapshottedEvery50msAreStoredOnce()
    {
        const long login = 5_300_000_005;
        using var wire = new EaWire(fixture.App);
        await using var probe = new SystemProbe(fixture.App);
        var key = await wire.ConnectAsync(login);

        for (var i = 0; i < 5; i++)
        {
            var body = EaRequestBodies.Ticks(login, key, [new TickSample("EURUSD", 1.08112, 1.08120, 0, 1730709012 + i, -3600, false)], [], Account, ProfitWindows.Zero);
            Assert.Equal(200, (await wire.PostAsync("ticks", "/api/ticks", body)).Status);
        }
        await probe.WaitForIngestDrainedAsync();

        Assert.Equal(1L, await probe.ScalarAsync<long>(
            "SELECT count(*) FROM ticks t JOIN accounts a ON a.id = t.account_id WHERE a.login = $1", login));
    }

    [Fact]
    public async Task ACloseUpdateKeepsTheStopsAndAPartialCloseComesBackOpen()
    {
        const long login = 5_300_000_006;
        const ulong ticket = 9_007_199_254_740_993; // 2^53 + 1: exact only as a 64-bit integer
        using var wire = new EaWire(fixture.App);
        await using var probe = new SystemProbe(fixture.App);
        var key = await wire.ConnectAsync(login);
        var open = new TradeUpdate(ticket, "EURUSD", "BUY", 0.30, 1.08123, 1730709010, 0, 0, 1.07950, 1.08550, -0.80, -1.05, 0, "open", "");

        await wire.PostAsync("trades", "/api/trades/update", EaRequestBodies.TradeUpdate(login, key, open));
        // Partial close: the EA reports "closed" (with zero stops and the IN deal's volume), then the sync revives it.
        await wire.PostAsync("trades", "/api/trades/update", EaRequestBodies.TradeUpdate(login, key,
            open with { ClosePrice = 1.08300, CloseTime = 1730710000, Sl = 0, Tp = 0, Profit = 17.70, Commission = -0.35, Status = "closed", CloseReason = "MANUAL" }));
        await probe.WaitForIngestDrainedAsync();
        var afterClose = (await probe.RowsAsync("SELECT t.status, t.sl, t.tp FROM trades t JOIN accounts a ON a.id = t.account_id WHERE a.login = $1 AND t.ticket = $2", login, (long)ticket)).Single();
        await wire.PostAsync("trades", "/api/trades/update", EaRequestBodies.TradeUpdate(login, key, open with { Volume = 0.20 }));
        await probe.WaitForIngestDrainedAsync();
        var afterSync = (await probe.RowsAsync("SELECT t.status, t.volume FROM trades t JOIN accounts a ON a.id = t.account_id WHERE a.login = $1 AND t.ticket = $2", login, (long)ticket)).Single();

        Assert.Equal("closed", afterClose["status"]);
        Assert.Equal(1.07950m, afterClose["sl"]);
        Assert.Equal(1.08550m, afterClose["tp"]);
        Assert.Equal("open", afterSync["status"]);
        Assert.Equal(0.20m, afterSync["volume"]);
    }

    [Fact]
    public async Task CoverageWorksWithoutAnAccountAndHistoryArrivingNewestFirstIsDeduplicated()
    {
        const long login = 5_300_000_007;
        using var wire = new EaWire(fixture.App);
        await using var probe = new SystemProbe(fixture.App);
        var key = await wire.ConnectAsync(login, "Quirk Broker", "EURUSD");
        var bars = Enumerable.Range(0, 10).Select(i => new Bar(1730102400 + i * 3600, 1.08, 1.081, 1.079, 1.0805, 100 + i)).ToList();

        var first = await wire.PostAsync("command", "/api/ohlc/historical", EaRequestBodies.Historical(login, "EURUSD", "H1", bars), key);
        // A REQUEST_HISTORICAL_DATA chunk: newest to oldest, overlapping what is stored.
        var second = await wire.PostAsync("command", "/api/ohlc/historical", EaRequestBodies.Historical(login, "EURUSD", "H1", Enumerable.Reverse(bars).Take(6)), key);
        await probe.WaitForIngestDrainedAsync();
        var coverage = await wire.PostAsync("command", "/api/ohlc/coverage", EaRequestBodies.Coverage("EURUSD", "H1", 168), key);

        Assert.Equal(200, first.Status);
        Assert.Equal(200, second.Status);
        Assert.Equal(10L, await probe.ScalarAsync<long>("SELECT count(*) FROM ohlc_bars WHERE broker = 'Quirk Broker' AND symbol = 'EURUSD' AND timeframe = 'H1'"));
        Assert.Equal(200, coverage.Status);
        var reading = EaResponseParser.Coverage(coverage.Body);
        Assert.True(reading.Parsed);
        Assert.True(reading.NeedsUpdate, $"10 of 168 bars is not enough coverage: {coverage.Body}");
        Assert.Contains("\"bar_count\":10,", coverage.Body);
    }

    [Fact]
    public async Task AServerUrlWithATrailingSlashAndAMissingContentTypeStillWork()
    {
        const long login = 5_300_000_008;
        using var wire = new EaWire(fixture.App);

        var connect = await wire.SendAsync(HttpMethod.Post, "command", "//api/connect",
            EaWire.Encode(EaRequestBodies.Connect(login, "Slash Broker", 1730709000, ["EURUSD"])), contentType: null);
        var key = EaResponseParser.ApiKey(connect.Body);
        var symbols = await wire.SendAsync(HttpMethod.Post, "command", "//api/symbols", EaWire.Encode(EaRequestBodies.AccountAndKey(login, key)), contentType: "text/plain");

        Assert.Equal(200, connect.Status);
        Assert.Equal(200, symbols.Status);
        Assert.Equal(["EURUSD"], EaResponseParser.Symbols(symbols.Body));
    }

    [Fact]
    public async Task AHeartbeat403AfterTheKeyChangedMakesTheEaRegisterAgainAndCarryOn()
    {
        const long login = 5_300_000_009;
        await using var ea = SimulatedEas.Create(fixture.App, login, o => o with { HeartbeatInterval = TimeSpan.Zero });
        using var wire = new EaWire(fixture.App);
        Assert.True(await ea.InitAsync());
        var oldKey = ea.ApiKey;

        // Two connects elsewhere issue two keys: the EA's key is no longer current nor within its grace.
        await wire.ConnectAsync(login);
        await wire.ConnectAsync(login);
        await ea.ChartTickAsync();
        Assert.False(ea.Connected);
        await ea.ChartTickAsync();
        await ea.TimerAsync();

        Assert.True(ea.Connected);
        Assert.NotEqual(oldKey, ea.ApiKey);
        Assert.Equal(0, ea.BufferedTicks);
    }

    [Fact]
    public async Task CommandTextTheEaCannotParseIsMadeSafeBeforeDelivery()
    {
        const long login = 5_300_000_010;
        await using var ea = SimulatedEas.Create(fixture.App, login);
        Assert.True(await ea.InitAsync());
        Assert.True(ea.Terminal.TryGetTick("EURUSD", out var quote));

        var id = await SimulatedEas.CreateCommandAsync(fixture.App, login, "OPEN_TRADE", new
        {
            symbol = "EURUSD", order_type = "BUY", volume = 0.01m, comment = "Sig \"7\" [H1] {x}",
            sl = Math.Round((decimal)quote.Ask - 0.0100m, 5), tp = Math.Round((decimal)quote.Ask + 0.0100m, 5),
        });
        var executed = await SimulatedEas.PollUntilExecutedAsync(ea, id);

        Assert.Equal("completed", executed.Status);
        Assert.DoesNotContain('"', ea.Terminal.Positions.Single().Comment);
    }
}
