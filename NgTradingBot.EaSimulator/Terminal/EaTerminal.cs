namespace NgTradingBot.EaSimulator;

/// <summary>
/// The simulated MT5 terminal behind one EA: symbols and quotes, positions, deal history and account. Calling
/// its trading methods directly models a trader acting in the terminal by hand. All members are thread-safe.
/// </summary>
public sealed partial class EaTerminal
{
    private readonly Lock _gate = new();
    private readonly EaOptions _options;
    private readonly Dictionary<string, SymbolSpec> _specs;
    private readonly MarketModel _market;
    private readonly List<OpenPosition> _positions = [];
    private readonly List<Deal> _deals = [];
    private readonly Queue<TerminalEvent> _events = new();
    private readonly HashSet<string> _quoteGaps = new(StringComparer.Ordinal);
    private ulong _nextOrder;
    private ulong _nextDeal;
    private double _balance;

    public EaTerminal(EaOptions options, BrokerClock clock)
    {
        _options = options;
        Clock = clock;
        _specs = options.AvailableSymbols.Distinct(StringComparer.Ordinal).ToDictionary(s => s, s => SpecFor(options, s), StringComparer.Ordinal);
        _market = new MarketModel(_specs.Values, new Random(options.Seed), options.Volatility, options.QuoteChangeProbability);
        History = new BarHistory(Spec, options.MaxBars);
        _nextOrder = options.FirstTicket;
        _nextDeal = unchecked(options.FirstTicket + 1_000_000_000UL);
        if (options.InitialDeposit != 0)
        {
            // History that existed before the EA started raises no events.
            var time = clock.TimeCurrent() - (long)options.DepositAge.TotalSeconds;
            _deals.Add(new Deal(_nextDeal++, 0, 0, "", DealType.Balance, DealEntry.In, 0, 0, time, options.InitialDeposit, 0, 0, options.DepositComment));
            _balance = options.InitialDeposit;
        }
    }

    public BrokerClock Clock { get; }

    public BarHistory History { get; }

    /// <summary>Every symbol the broker offers (SymbolsTotal(false)).</summary>
    public IReadOnlyList<string> BrokerSymbols => _options.AvailableSymbols;

    /// <summary>The symbol's specification; null when the broker does not offer it.</summary>
    public SymbolSpec? Spec(string symbol) => _specs.GetValueOrDefault(symbol);

    /// <summary>What SymbolInfo* reports: the spec, or all zeros for an unknown name.</summary>
    public SymbolSpec SpecOrUnknown(string symbol) => Spec(symbol) ?? SymbolSpec.Unknown(symbol);

    /// <summary>SymbolInfoTick: fails for an unknown symbol, and for one in a quote gap (<see cref="BeginQuoteGap"/>).</summary>
    public bool TryGetTick(string symbol, out Quote quote)
    {
        lock (_gate)
        {
            if (_quoteGaps.Contains(symbol))
            {
                quote = default;
                return false;
            }
            return _market.TryGetQuote(symbol, out quote);
        }
    }

    /// <summary>
    /// The terminal has no tick for the symbol until <see cref="EndQuoteGap"/> (a symbol just added to Market Watch, a
    /// feed gap): SymbolInfoTick fails, so the EA buffers no ticks of it and an OPEN_TRADE fails with "Failed to get tick data".
    /// </summary>
    public void BeginQuoteGap(string symbol)
    {
        lock (_gate)
        {
            _quoteGaps.Add(symbol);
        }
    }

    public void EndQuoteGap(string symbol)
    {
        lock (_gate)
        {
            _quoteGaps.Remove(symbol);
        }
    }

    /// <summary>False from <see cref="CloseMarket"/> until <see cref="OpenMarket"/>.</summary>
    public bool MarketOpen => !Clock.Frozen;

    /// <summary>
    /// A weekend: quotes and TimeCurrent() stand still, so no chart ticks (and no heartbeats) come, while OnTimer
    /// goes on sending the unchanged quotes and polling for commands every 50 ms.
    /// </summary>
    public void CloseMarket() => Clock.Freeze();

    public void OpenMarket() => Clock.Resume();

    /// <summary>One market step: prices walk, then stops that were crossed close. Returns the symbols that moved (none while closed).</summary>
    public IReadOnlyList<string> Step()
    {
        lock (_gate)
        {
            if (!MarketOpen)
            {
                return [];
            }

            var changed = _market.Step();
            foreach (var symbol in changed)
            {
                CheckStops(symbol);
            }
            return changed;
        }
    }

    /// <summary>Moves the bid (ask follows at the fixed spread); positions whose SL or TP is crossed close.</summary>
    public void SetBid(string symbol, double bid)
    {
        lock (_gate)
        {
            _market.SetBid(symbol, bid);
            CheckStops(symbol);
        }
    }

    /// <summary>Moves the price exactly onto a position's SL or TP so the broker closes it there.</summary>
    public bool ForceStopHit(ulong ticket, StopKind kind)
    {
        lock (_gate)
        {
            var p = _positions.Find(x => x.Ticket == ticket);
            var level = p is null ? 0 : kind == StopKind.StopLoss ? p.Sl : p.Tp;
            if (p is null || level == 0 || !_market.TryGetQuote(p.Symbol, out var quote))
            {
                return false;
            }
            _market.SetBid(p.Symbol, p.Side == TradeSide.Buy ? level : level - (quote.Ask - quote.Bid));
            CheckStops(p.Symbol);
            return true;
        }
    }

    public IReadOnlyList<Position> Positions
    {
        get
        {
            lock (_gate)
            {
                return [.. _positions.Select(Snapshot)];
            }
        }
    }

    public Position? FindPosition(ulong ticket)
    {
        lock (_gate)
        {
            return _positions.Find(p => p.Ticket == ticket) is { } p ? Snapshot(p) : null;
        }
    }

    public IReadOnlyList<Deal> Deals
    {
        get
        {
            lock (_gate)
            {
                return [.. _deals];
            }
        }
    }

    public Deal? FindDeal(ulong ticket)
    {
        lock (_gate)
        {
            return _deals.Find(d => d.Ticket == ticket);
        }
    }

    /// <summary>Events not yet handled by the EA.</summary>
    public int PendingEvents
    {
        get
        {
            lock (_gate)
            {
                return _events.Count;
            }
        }
    }

    internal bool TryDequeueEvent(out TerminalEvent? terminalEvent)
    {
        lock (_gate)
        {
            return _events.TryDequeue(out terminalEvent);
        }
    }

    private static SymbolSpec SpecFor(EaOptions options, string symbol)
    {
        var spec = options.SymbolSpecs.TryGetValue(symbol, out var custom) ? custom with { Symbol = symbol } : SymbolCatalog.DefaultFor(symbol);
        return options.StartPrices.TryGetValue(symbol, out var bid) ? spec with { StartBid = bid } : spec;
    }

    private sealed class OpenPosition
    {
        public required ulong Ticket { get; init; }
        public required string Symbol { get; init; }
        public required TradeSide Side { get; init; }
        public required double Volume { get; init; }
        public required double OpenPrice { get; init; }
        public required long OpenTime { get; init; }
        public required long Magic { get; init; }
        public required string Comment { get; init; }
        public double Sl { get; set; }
        public double Tp { get; set; }
    }
}
