namespace NgTradingBot.EaSimulator;

/// <summary>
/// The terminal's price history (CopyRates). Bars are a pure function of symbol, timeframe and open time, so a
/// range asked twice, or through another timeframe, gives consistent candles. History runs 24/7 like the
/// simulated quotes. At most <c>maxBars</c> bars come back, the newest ones, like the terminal's
/// "Max bars in chart" limit.
/// </summary>
public sealed class BarHistory(Func<string, SymbolSpec?> specs, int maxBars)
{
    /// <summary><c>CopyRates(symbol, tf, start, stop)</c>: bars opened within [from, to], oldest first; null for an unknown symbol or timeframe.</summary>
    public IReadOnlyList<Bar>? Range(string symbol, string timeframe, long from, long to, long now)
    {
        if (specs(symbol) is not { } spec || !Timeframes.TryGetSeconds(timeframe, out var period))
        {
            return null;
        }
        var last = Math.Min(Floor(to, period), Floor(now, period));
        var first = Math.Max(Ceil(from, period), last - (long)(maxBars - 1) * period);
        var bars = new List<Bar>();
        for (var t = first; t <= last; t += period)
        {
            bars.Add(Make(spec, t, period));
        }
        return bars;
    }

    /// <summary><c>CopyRates(symbol, tf, 0, count)</c>: the newest <paramref name="count"/> bars including the current one, oldest first.</summary>
    public IReadOnlyList<Bar>? Last(string symbol, string timeframe, int count, long now)
    {
        if (!Timeframes.TryGetSeconds(timeframe, out var period))
        {
            return null;
        }
        var current = Floor(now, period);
        return Range(symbol, timeframe, current - (long)(Math.Min(count, maxBars) - 1) * period, current, now);
    }

    private static Bar Make(SymbolSpec spec, long time, int period)
    {
        var open = Level(spec, time);
        var close = Level(spec, time + period);
        var wick = spec.StartBid * 0.0004 * Math.Sqrt(period / 60.0) * Unit(Hash(spec.Symbol, time, period, 1));
        var high = spec.Normalize(Math.Max(open, close) + wick);
        var low = spec.Normalize(Math.Min(open, close) - wick * Unit(Hash(spec.Symbol, time, period, 2)));
        var volume = 20 + (long)(Unit(Hash(spec.Symbol, time, period, 3)) * 40 * (period / 60));
        return new Bar(time, open, high, Math.Max(low, spec.Point), close, volume);
    }

    // A slow monthly swing, a daily swing and per-minute noise: deterministic and continuous at bar boundaries.
    private static double Level(SymbolSpec spec, long time)
    {
        var phase = Unit(Hash(spec.Symbol, 0, 0, 4)) * Math.PI * 2;
        var swing = 0.03 * Math.Sin(2 * Math.PI * time / (30 * 86_400.0) + phase) + 0.006 * Math.Sin(2 * Math.PI * time / 86_400.0 + phase);
        var noise = 0.0005 * (Unit(Hash(spec.Symbol, time / 60, 60, 5)) - 0.5);
        return spec.Normalize(spec.StartBid * (1 + swing + noise));
    }

    private static long Floor(long t, int period) => t - (((t % period) + period) % period);

    private static long Ceil(long t, int period) => Floor(t + period - 1, period);

    private static double Unit(ulong hash) => (hash >> 11) * (1.0 / (1UL << 53));

    private static ulong Hash(string symbol, long time, int period, int salt)
    {
        // FNV-1a over the inputs, then a SplitMix64 finish: stable across processes, unlike string.GetHashCode.
        var h = 14695981039346656037UL;
        foreach (var c in symbol)
        {
            h = (h ^ c) * 1099511628211UL;
        }
        h = (h ^ (ulong)time) * 1099511628211UL;
        h = (h ^ (ulong)period) * 1099511628211UL;
        h = (h ^ (ulong)salt) * 1099511628211UL;
        h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9UL;
        h = (h ^ (h >> 27)) * 0x94D049BB133111EBUL;
        return h ^ (h >> 31);
    }
}
