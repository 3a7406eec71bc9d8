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
    public void Post<T>(long login, IReadOnlyList<T> ticks, Func<T, PostedQuote> quoteOf, DateTimeOffset at)
    {
        // A batch holds a handful of symbols, many ticks each: a backwards scan with a linear look-up is cheaper
        // than a dictionary, and the array is the hash's field list as it is sent.
        var latest = new List<HashEntry>(8);
        var receivedAt = at.ToUnixTimeMilliseconds();
        for (var i = ticks.Count - 1; i >= 0; i--)
        {
            var quote = quoteOf(ticks[i]);
            if (!Holds(latest, quote.Symbol))
            {
                latest.Add(new HashEntry(quote.Symbol, string.Create(CultureInfo.InvariantCulture, $"{quote.Bid} {quote.Ask} {receivedAt}")));
            }
        }
        if (latest.Count > 0)
        {
            redis.GetDatabase().HashSet(EaRedisKeys.Quotes(login), [.. latest], CommandFlags.FireAndForget);
        }
    }

    private static bool Holds(List<HashEntry> entries, string symbol)
    {
        foreach (var entry in entries)
        {
            if (entry.Name == symbol)
            {
                return true;
            }
        }
        return false;
    }
}

/// <summary>One symbol's quote as an EA posted it.</summary>
public readonly record struct PostedQuote(string Symbol, decimal Bid, decimal Ask);
