using Microsoft.EntityFrameworkCore;
using NgTradingBot.Core.Connections;
using NgTradingBot.Core.Persistence;
using NgTradingBot.EaProtocol.Domain;

namespace NgTradingBot.Core.EaInternal;

/// <summary>Answers the EA's "do you already hold enough bars?" question from the stored OHLC history.</summary>
public sealed class OhlcCoverage(IDbContextFactory<TradingDbContext> contexts, TimeProvider time)
{
    private sealed record BrokerClockRow(string Broker, int? BrokerOffsetSeconds);

    /// <summary>
    /// Bars are per broker (brokers quote differently): with a login, that account's broker and offset;
    /// without one, no bars are counted, so the EA uploads its own. Null when the login is unknown.
    /// </summary>
    public async Task<CoverageReport?> MeasureAsync(long? login, string symbol, Timeframe timeframe, int requiredBars, CancellationToken cancellationToken)
    {
        var timeframeName = EaWireNames.Timeframes.ToWire(timeframe);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        BrokerClockRow? clock;
        if (login is { } knownLogin)
        {
            clock = await (
                    from account in db.Accounts
                    join connection in db.Connections on account.Id equals connection.AccountId into connections
                    from connection in connections.DefaultIfEmpty()
                    where account.Login == knownLogin
                    select new BrokerClockRow(account.Broker, connection == null ? null : connection.BrokerOffsetSeconds))
                .SingleOrDefaultAsync(cancellationToken);
            if (clock is null)
            {
                return null;
            }
        }
        else
        {
            // Bars differ per broker: for a caller we cannot place, report nothing held so the EA uploads.
            clock = null;
        }

        // Counted over the newest requiredBars bars only, in one aggregate (no group at all when none is stored).
        var bars = clock is null
            ? null
            : await db.OhlcBars
                .Where(b => b.Broker == clock.Broker && b.Symbol == symbol && b.Timeframe == timeframeName)
                .OrderByDescending(b => b.OpenTimeBroker)
                .Take(requiredBars)
                .GroupBy(b => 1)
                .Select(g => new { Count = g.Count(), Oldest = g.Min(b => b.OpenTimeBroker), Newest = g.Max(b => b.OpenTimeBroker) })
                .SingleOrDefaultAsync(cancellationToken);
        var brokerNow = BrokerClock.BrokerNow(time.GetUtcNow(), clock?.BrokerOffsetSeconds);
        return CoverageReport.Evaluate(requiredBars, bars?.Count ?? 0, bars?.Oldest, bars?.Newest, brokerNow, timeframe);
    }
}
