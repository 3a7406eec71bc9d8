using System.Globalization;
using StackExchange.Redis;

namespace NgTradingBot.Handoff;

/// <summary>
/// The last bid and ask each account posted per symbol, in Redis (<see cref="EaRedisKeys.Quotes"/>), where the
/// dequeue script checks an order's <see cref="PriceGuard"/> against them: whichever gateway received the ticks,
/// whichever one hands out the order. One hash field per symbol, so the memory is bounded by accounts and symbols.
/// </summary>
public sealed class QuoteBoard(IConnectionMultiplexer redis)
{
    /// <summary>
    /// Records the latest quote of each symbol in a tick batch (the EA buffers them oldest first), as received at
    /// <paramref name="at"/>. Fire and forget: the EA's answer does not wait for it, and a lost write only makes
    /// a guarded order find an older quote, or none, and expire.
    /// </summary>
    public void Post(long login, IEnumerable<(string Symbol, decimal Bid, decimal Ask)> ticks, DateTimeOffset at)
    {
        var latest = new Dictionary<string, (decimal Bid, decimal Ask)>(StringComparer.Ordinal);
        foreach (var (symbol, bid, ask) in ticks)
        {
            latest[symbol] = (bid, ask);
        }
        if (latest.Count == 0)
        {
            return;
        }
        var receivedAt = at.ToUnixTimeMilliseconds();
        var fields = latest.Select(q => new HashEntry(q.Key, string.Create(CultureInfo.InvariantCulture, $"{q.Value.Bid} {q.Value.Ask} {receivedAt}"))).ToArray();
        redis.GetDatabase().HashSet(EaRedisKeys.Quotes(login), fields, CommandFlags.FireAndForget);
    }
}
