namespace NgTradingBot.EaSimulator;

/// <summary>
/// Seeded random-walk quotes for the terminal's symbols. Each <see cref="Step"/> moves each symbol with a given
/// probability, so most timer snapshots repeat the last price, as the EA's 50 ms sampling does in reality.
/// Not thread-safe on its own: <see cref="EaTerminal"/> serialises access.
/// </summary>
internal sealed class MarketModel
{
    private readonly Dictionary<string, SymbolSpec> _specs;
    private readonly Dictionary<string, double> _bids;
    private readonly Random _random;
    private readonly double _volatility;
    private readonly double _changeProbability;

    internal MarketModel(IEnumerable<SymbolSpec> specs, Random random, double volatility, double changeProbability)
    {
        _specs = specs.ToDictionary(s => s.Symbol, StringComparer.Ordinal);
        _bids = _specs.Values.ToDictionary(s => s.Symbol, s => s.Normalize(s.StartBid), StringComparer.Ordinal);
        _random = random;
        _volatility = volatility;
        _changeProbability = changeProbability;
    }

    public IReadOnlyCollection<string> Symbols => _specs.Keys;

    public bool TryGetQuote(string symbol, out Quote quote)
    {
        if (_bids.TryGetValue(symbol, out var bid))
        {
            var spec = _specs[symbol];
            quote = new Quote(bid, spec.Normalize(bid + spec.SpreadPoints * spec.Point));
            return true;
        }
        quote = default;
        return false;
    }

    /// <summary>Advances the walk one step; returns the symbols whose price changed.</summary>
    public IReadOnlyList<string> Step()
    {
        var changed = new List<string>();
        foreach (var (symbol, spec) in _specs)
        {
            if (_random.NextDouble() >= _changeProbability)
            {
                continue;
            }
            var bid = _bids[symbol];
            var move = spec.Normalize(bid * _volatility * Gaussian());
            if (move == 0)
            {
                move = _random.Next(2) == 0 ? -spec.Point : spec.Point;
            }
            _bids[symbol] = Math.Max(spec.Point * 10, spec.Normalize(bid + move));
            changed.Add(symbol);
        }
        return changed;
    }

    /// <summary>Puts the bid of <paramref name="symbol"/> at <paramref name="bid"/> (normalised to its digits).</summary>
    public void SetBid(string symbol, double bid)
    {
        var spec = _specs.TryGetValue(symbol, out var s) ? s : throw new ArgumentException($"Unknown symbol '{symbol}'.", nameof(symbol));
        _bids[symbol] = spec.Normalize(bid);
    }

    private double Gaussian()
    {
        // Box-Muller; 1 - NextDouble() keeps the logarithm's argument in (0, 1].
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
