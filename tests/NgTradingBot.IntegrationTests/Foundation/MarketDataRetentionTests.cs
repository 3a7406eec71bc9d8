using System.Globalization;
using NgTradingBot.IntegrationTests.Hosting;

namespace NgTradingBot.IntegrationTests.Foundation;

/// <summary>
/// What the real composition keeps of the market data: ticks in daily partitions dropped whole once past retention
/// (7 days), the equity curve, and when each symbol's quote last changed (the health check's stale quotes).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class MarketDataRetentionTests(AppFixture fixture)
{
    [Fact]
    public async Task RetentionDropsTheTickDaysPastItAndKeepsEveryOther()
    {
        const long login = 5_100_000_051;
        await using var probe = new SystemProbe(fixture.App);
        await using var ea = SimulatedEas.Create(fixture.App, login);
        Assert.True(await ea.InitAsync());
        await ea.TimerAsync();
        var accountId = await probe.EventuallyAsync<long>(
            "SELECT a.id FROM accounts a WHERE a.login = $1 AND EXISTS (SELECT FROM ticks t WHERE t.account_id = a.id)", login);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var expired = today.AddDays(-9);
        var kept = today.AddDays(-6);

        foreach (var day in new[] { expired, kept })
        {
            // One transaction, so the retention pass running every second sees the day only with its tick in it.
            var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            await probe.ScalarAsync<object>($"""
                BEGIN;
                CREATE TABLE ticks_p{day:yyyyMMdd} PARTITION OF ticks FOR VALUES FROM ('{date} 00:00:00+00') TO ('{day.AddDays(1):yyyy-MM-dd} 00:00:00+00');
                INSERT INTO ticks (account_id, symbol, bid, ask, broker_time, tick_time, received_at)
                VALUES ({accountId}, 'EURUSD', 1.1, 1.2, 0, '{date} 12:00:00+00', '{date} 12:00:00+00');
                COMMIT;
                """);
        }

        Assert.True(await probe.EventuallyAsync<bool>("SELECT to_regclass($1) IS NULL", $"ticks_p{expired:yyyyMMdd}"));
        Assert.Equal(1L, await probe.ScalarAsync<long>($"SELECT count(*) FROM ticks_p{kept:yyyyMMdd}"));
        Assert.Equal(0L, await probe.ScalarAsync<long>($"SELECT count(*) FROM ticks WHERE received_at < '{kept:yyyy-MM-dd} 00:00:00+00'"));
        Assert.True(await probe.ScalarAsync<long>("SELECT count(*) FROM ticks WHERE account_id = $1 AND received_at > now() - interval '1 hour'", accountId) > 0);
        // Days ahead exist, so ingest never meets a day without a partition.
        Assert.True(await probe.ScalarAsync<bool>("SELECT to_regclass($1) IS NOT NULL", $"ticks_p{today.AddDays(3):yyyyMMdd}"));
    }

    [Fact]
    public async Task TickBatchesKeepAnEquityCurveAndWhenEachQuoteLastChanged()
    {
        const long login = 5_100_000_052;
        await using var probe = new SystemProbe(fixture.App);
        await using var ea = SimulatedEas.Create(fixture.App, login);
        Assert.True(await ea.InitAsync());
        await ea.TimerAsync();
        await ea.TimerAsync();

        var sample = await probe.EventuallyAsync<decimal>("""
            SELECT s.equity FROM equity_samples s JOIN accounts a ON a.id = s.account_id
             WHERE a.login = $1 AND s.equity = a.equity AND s.balance = a.balance AND s.floating_profit = a.equity - a.balance
            """, login);
        await ea.TimerAsync();
        await probe.WaitForIngestDrainedAsync();

        Assert.Equal((decimal)ea.Terminal.Account.Equity, sample, 2);
        // At most one sample a minute while the balance stays the same.
        Assert.Equal(1L, await probe.ScalarAsync<long>(
            "SELECT count(*) FROM equity_samples s JOIN accounts a ON a.id = s.account_id WHERE a.login = $1", login));
        var changedAt = await probe.ScalarAsync<long>(
            "SELECT (c.quotes_changed_at ->> $2)::bigint FROM connections c JOIN accounts a ON a.id = c.account_id WHERE a.login = $1",
            login, ea.Symbols[0]);
        Assert.InRange(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - changedAt, 0, 60);
    }
}
