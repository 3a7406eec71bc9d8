using Dapper;
using Npgsql;
using NgTradingBot.Core.Connections;
using NgTradingBot.EaProtocol.Domain;

namespace NgTradingBot.Core.EaInternal;

/// <summary>Answers the EA's "do you already hold enough bars?" question from the stored OHLC history.</summary>
public sealed class OhlcCoverage(NpgsqlDataSource dataSource, TimeProvider time)
{
    private sealed record BrokerClockRow(string Broker, int? BrokerOffsetSeconds);

    private sealed record BarsRow(int BarCount, long? Oldest, long? Newest);

    /// <summary>
    /// Bars are per broker (brokers quote differently): with a login, that account's broker and offset;
    /// without one, no bars are counted, so the EA uploads its own. Null when the login is unknown.
    /// </summary>
    public async Task<CoverageReport?> MeasureAsync(long? login, string symbol, Timeframe timeframe, int requiredBars, CancellationToken cancellationToken)
    {
        var timeframeName = EaWireNames.Timeframes.ToWire(timeframe);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        BrokerClockRow? clock;
        if (login is { } knownLogin)
        {
            clock = await connection.QuerySingleOrDefaultAsync<BrokerClockRow>("""
                SELECT a.broker, c.broker_offset_seconds FROM accounts a LEFT JOIN connections c ON c.account_id = a.id
                 WHERE a.login = @knownLogin
                """, new { knownLogin });
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

        var bars = clock is null
            ? new BarsRow(0, null, null)
            : await connection.QuerySingleAsync<BarsRow>("""
                SELECT count(*)::integer AS bar_count, min(open_time_broker) AS oldest, max(open_time_broker) AS newest
                  FROM (SELECT open_time_broker FROM ohlc_bars
                         WHERE broker = @Broker AND symbol = @symbol AND timeframe = @timeframeName
                         ORDER BY open_time_broker DESC LIMIT @requiredBars) newest_bars
                """, new { clock.Broker, symbol, timeframeName, requiredBars });
        var brokerNow = BrokerClock.BrokerNow(time.GetUtcNow(), clock?.BrokerOffsetSeconds);
        return CoverageReport.Evaluate(requiredBars, bars.BarCount, bars.Oldest, bars.Newest, brokerNow, timeframe);
    }
}
