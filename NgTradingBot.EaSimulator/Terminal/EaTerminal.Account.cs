namespace NgTradingBot.EaSimulator;

public sealed partial class EaTerminal
{
    /// <summary>Balance, equity (balance plus floating profit), margin and free margin, in the account currency (USD).</summary>
    public AccountSnapshot Account
    {
        get
        {
            lock (_gate)
            {
                var equity = _balance + _positions.Sum(FloatingProfit);
                var margin = Math.Round(_positions.Sum(p => MarginFor(_specs[p.Symbol], p.Volume, p.OpenPrice)), 2);
                return new AccountSnapshot(_balance, equity, margin, equity - margin);
            }
        }
    }

    /// <summary>
    /// The EA's profit and deposit windows at <paramref name="now"/> (broker seconds): profits are
    /// profit+swap+commission of OUT deals since today, Monday and the 1st; profit_year is balance minus all
    /// balance operations; deposits are balance deals over the same windows, the year being the calendar year.
    /// </summary>
    public ProfitWindows ComputeProfitWindows(long now)
    {
        var date = DateTimeOffset.FromUnixTimeSeconds(now).UtcDateTime;
        var today = new DateTimeOffset(date.Date, TimeSpan.Zero).ToUnixTimeSeconds();
        var daysSinceMonday = ((int)date.DayOfWeek + 6) % 7;
        var week = today - daysSinceMonday * 86_400L;
        var month = new DateTimeOffset(date.Year, date.Month, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        var year = new DateTimeOffset(date.Year, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        lock (_gate)
        {
            double Profit(long since) => _deals.Where(d => d.Time >= since && d.Time <= now && d.IsTrade && d.Entry == DealEntry.Out).Sum(d => d.Profit + d.Swap + d.Commission);
            double Deposits(long since) => _deals.Where(d => d.Time >= since && d.Time <= now && d.Type == DealType.Balance).Sum(d => d.Profit);
            var allDeposits = _deals.Where(d => d.Type == DealType.Balance).Sum(d => d.Profit);
            return new ProfitWindows(Profit(today), Profit(week), Profit(month), _balance - allDeposits, Deposits(today), Deposits(week), Deposits(month), Deposits(year));
        }
    }

    /// <summary>HistorySelect(from, to): deals with from &lt;= time &lt;= to, both ends included.</summary>
    public IReadOnlyList<Deal> DealsBetween(long from, long to)
    {
        lock (_gate)
        {
            return [.. _deals.Where(d => d.Time >= from && d.Time <= to)];
        }
    }

    /// <summary>HistorySelectByPosition.</summary>
    public IReadOnlyList<Deal> DealsOfPosition(ulong positionId)
    {
        lock (_gate)
        {
            return [.. _deals.Where(d => d.PositionId == positionId && d.IsTrade)];
        }
    }

    private Position Snapshot(OpenPosition p) =>
        new(p.Ticket, p.Symbol, p.Side, p.Volume, p.OpenPrice, p.OpenTime, p.Sl, p.Tp, Math.Round(FloatingProfit(p), 2), 0, p.Magic, p.Comment);

    private double FloatingProfit(OpenPosition p)
    {
        if (!_market.TryGetQuote(p.Symbol, out var quote))
        {
            return 0;
        }
        var spec = _specs[p.Symbol];
        var price = p.Side == TradeSide.Buy ? quote.Bid : quote.Ask;
        var sign = p.Side == TradeSide.Buy ? 1 : -1;
        return ToAccount(spec, sign * (price - p.OpenPrice) * p.Volume * spec.ContractSize, price);
    }

    private double FreeMarginLocked()
    {
        var equity = _balance + _positions.Sum(FloatingProfit);
        return equity - _positions.Sum(p => MarginFor(_specs[p.Symbol], p.Volume, p.OpenPrice));
    }

    private double MarginFor(SymbolSpec spec, double volume, double price) =>
        ToAccount(spec, volume * spec.ContractSize * price, price) / _options.Leverage;

    /// <summary>
    /// Converts an amount in the symbol's quote currency to USD. Forex pairs are read as BASE+QUOTE: USD-based
    /// pairs divide by their own price, crosses go through the USDxxx or xxxUSD quote when the broker has it.
    /// Metals, crypto and indices are taken as quoted in USD.
    /// </summary>
    private double ToAccount(SymbolSpec spec, double amount, double price)
    {
        var name = spec.Symbol;
        if (spec.ContractSize < 1000 || name.Length < 6 || name.StartsWith("XA", StringComparison.Ordinal))
        {
            return amount;
        }
        var quoteCurrency = name.Substring(3, 3);
        if (quoteCurrency == "USD")
        {
            return amount;
        }
        if (name.StartsWith("USD", StringComparison.Ordinal))
        {
            return price > 0 ? amount / price : amount;
        }
        if (_market.TryGetQuote("USD" + quoteCurrency, out var usdQuote) && usdQuote.Bid > 0)
        {
            return amount / usdQuote.Bid;
        }
        return _market.TryGetQuote(quoteCurrency + "USD", out var quoteUsd) ? amount * quoteUsd.Bid : amount;
    }
}
