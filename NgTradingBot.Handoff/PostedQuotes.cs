using System.Globalization;

namespace NgTradingBot.Handoff;

/// <summary>
/// The quotes posted since the quote board was last written: per account and symbol only the latest, as the field
/// and value <see cref="QuoteBoard"/> writes. Thread-safe; the memory is bounded by accounts and symbols.
/// </summary>
public sealed class PostedQuotes
{
    private readonly Lock _gate = new();
    private Dictionary<string, string> _pending = new(StringComparer.Ordinal);

    /// <summary>
    /// Keeps the latest quote of each symbol in a tick batch (the EA buffers them oldest first), as received at
    /// <paramref name="at"/>, over any posted before. False when the batch held no tick.
    /// </summary>
    public bool Post<T>(long login, IReadOnlyList<T> ticks, Func<T, PostedQuote> quoteOf, DateTimeOffset at)
    {
        // A batch holds a handful of symbols, many ticks each: a backwards scan with a linear look-up is cheaper
        // than a dictionary, and only the latest of each symbol is formatted.
        var latest = new List<(string Symbol, string Value)>(8);
        var receivedAt = at.ToUnixTimeMilliseconds();
        for (var i = ticks.Count - 1; i >= 0; i--)
        {
            var quote = quoteOf(ticks[i]);
            if (!Holds(latest, quote.Symbol))
            {
                latest.Add((quote.Symbol, string.Create(CultureInfo.InvariantCulture, $"{quote.Bid} {quote.Ask} {receivedAt}")));
            }
        }
        if (latest.Count == 0)
        {
            return false;
        }

        var fields = latest.ConvertAll(quote => EaRedisKeys.QuoteField(login, quote.Symbol));
        lock (_gate)
        {
            for (var i = 0; i < fields.Count; i++)
            {
                _pending[fields[i]] = latest[i].Value;
            }
        }
        return true;
    }

    /// <summary>Everything posted since the last take (field, value), and forgets it.</summary>
    public List<KeyValuePair<string, string>> Take()
    {
        lock (_gate)
        {
            if (_pending.Count == 0)
            {
                return [];
            }
            var taken = _pending.ToList();
            _pending = new Dictionary<string, string>(StringComparer.Ordinal);
            return taken;
        }
    }

    /// <summary>Puts back quotes that could not be written, except where a newer one was posted since.</summary>
    public void Restore(IEnumerable<KeyValuePair<string, string>> unwritten)
    {
        lock (_gate)
        {
            foreach (var (field, value) in unwritten)
            {
                _pending.TryAdd(field, value);
            }
        }
    }

    private static bool Holds(List<(string Symbol, string Value)> entries, string symbol)
    {
        foreach (var entry in entries)
        {
            if (entry.Symbol == symbol)
            {
                return true;
            }
        }
        return false;
    }
}
