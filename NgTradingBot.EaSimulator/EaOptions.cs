namespace NgTradingBot.EaSimulator;

/// <summary>
/// One simulated EA and its terminal. Defaults are the deployed EA's inputs (contract section 1), except the
/// URLs, which point at a local gateway: the real EA hard-codes 100.97.100.50:9901/9902/9903 for ticks,
/// trades and logs, the simulator takes them as full URLs.
/// </summary>
public sealed record EaOptions
{
    /// <summary>ACCOUNT_LOGIN.</summary>
    public long Login { get; init; } = 12_345_678;

    /// <summary>The key found in api_key.txt at start; "" when the file is absent.</summary>
    public string ApiKey { get; init; } = "";

    /// <summary>ACCOUNT_COMPANY, sent unescaped: quotes, backslashes or non-ASCII test the server's tolerance.</summary>
    public string Broker { get; init; } = "Example Markets Ltd";

    /// <summary>The EA's ServerURL input; requests go to ServerUrl + "/api/..." by plain concatenation.</summary>
    public string ServerUrl { get; init; } = "http://127.0.0.1:9900";

    public string TicksUrl { get; init; } = "http://127.0.0.1:9901/api/ticks";

    public string TradesUrl { get; init; } = "http://127.0.0.1:9902/api/trades/update";

    public string LogsUrl { get; init; } = "http://127.0.0.1:9903/api/log";

    /// <summary>Every symbol the broker offers (sent in /api/connect); the terminal can quote and trade these.</summary>
    public IReadOnlyList<string> AvailableSymbols { get; init; } = SymbolCatalog.CommonSymbols;

    /// <summary>The chart the EA is attached to: its quotes drive OnTick, hence heartbeats and reconnects.</summary>
    public string ChartSymbol { get; init; } = "EURUSD";

    /// <summary>Overrides of the catalogue's specs, by symbol.</summary>
    public IReadOnlyDictionary<string, SymbolSpec> SymbolSpecs { get; init; } = new Dictionary<string, SymbolSpec>();

    /// <summary>Start bids by symbol, overriding the spec's <see cref="SymbolSpec.StartBid"/>.</summary>
    public IReadOnlyDictionary<string, double> StartPrices { get; init; } = new Dictionary<string, double>();

    /// <summary>Seed of the price walk and, derived from it, of the fault injection.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Standard deviation of one price move, relative to the price.</summary>
    public double Volatility { get; init; } = 0.00001;

    /// <summary>Probability that a symbol's price moves in one market step.</summary>
    public double QuoteChangeProbability { get; init; } = 0.3;

    /// <summary>TickBatchInterval, the OnTimer period.</summary>
    public TimeSpan TimerInterval { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Minimum broker time between heartbeats (whole seconds, as the EA's int input).</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan ConnectionTimeout { get; init; } = TimeSpan.FromMilliseconds(3000);

    public TimeSpan CoverageTimeout { get; init; } = TimeSpan.FromMilliseconds(5000);

    /// <summary>Timer calls between position syncs.</summary>
    public int PositionSyncPeriod { get; init; } = 200;

    /// <summary>Timer calls between transaction checks.</summary>
    public int TransactionCheckPeriod { get; init; } = 600;

    /// <summary>Clock behind broker time and the EA's Sleep() calls; HTTP timeouts always use real time.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Broker (trade-server) time minus UTC, in seconds.</summary>
    public int BrokerUtcOffsetSeconds { get; init; } = 7200;

    /// <summary>TimeGMTOffset() of the terminal PC (GMT minus local; CET is -3600), sent as tz_offset.</summary>
    public int PcGmtOffsetSeconds { get; init; } = -3600;

    /// <summary>Honour the EA's Sleep() calls (100 ms per coverage pair, 300 ms after a fill, 50 ms between chunks).</summary>
    public bool HonourSleeps { get; init; } = true;

    public double InitialDeposit { get; init; } = 10_000;

    /// <summary>DEAL_COMMENT of the initial deposit, sent raw in /api/transaction.</summary>
    public string DepositComment { get; init; } = "Deposit";

    /// <summary>How long before the start the initial deposit was made.</summary>
    public TimeSpan DepositAge { get; init; } = TimeSpan.FromDays(7);

    public double Leverage { get; init; } = 100;

    /// <summary>Commission charged per lot on each side (entry and exit deal), as a negative deal commission.</summary>
    public double CommissionPerLot { get; init; } = 3.5;

    public long MagicNumber { get; init; } = 999_888;

    /// <summary>First order/position ticket; above 2^32 so 32-bit ticket handling shows up.</summary>
    public ulong FirstTicket { get; init; } = 5_000_000_001;

    /// <summary>Broker rejections come back as OrderSend true plus retcode instead of false plus 4756.</summary>
    public bool BrokerRejectsAsRetcode { get; init; }

    /// <summary>The terminal's "Max bars in chart": the most bars CopyRates returns.</summary>
    public int MaxBars { get; init; } = 100_000;

    public EaFaults Faults { get; init; } = EaFaults.None;

    /// <summary>How many request/response exchanges <see cref="SimulatedEa.Journal"/> keeps.</summary>
    public int JournalCapacity { get; init; } = 256;

    public string UserAgent { get; init; } = "MetaTrader 5 Terminal/5.4620 (Windows NT 11.0.22631; x64)";

    /// <summary>Throws when a value cannot work; called by <see cref="SimulatedEa"/>'s constructor.</summary>
    public void Validate()
    {
        Require(Login > 0, "Login must be positive.");
        foreach (var (name, url) in new[] { ("ServerUrl", ServerUrl + EaRoutes.Connect), ("TicksUrl", TicksUrl), ("TradesUrl", TradesUrl), ("LogsUrl", LogsUrl) })
        {
            Require(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == "http" || uri.Scheme == "https"), $"{name} must be an absolute http(s) URL.");
        }
        Require(TimerInterval > TimeSpan.Zero, "TimerInterval must be positive.");
        Require(HeartbeatInterval >= TimeSpan.Zero, "HeartbeatInterval must not be negative.");
        Require(ConnectionTimeout > TimeSpan.Zero && CoverageTimeout > TimeSpan.Zero, "Timeouts must be positive.");
        Require(PositionSyncPeriod > 0 && TransactionCheckPeriod > 0, "Sync and transaction periods must be positive.");
        Require(QuoteChangeProbability is >= 0 and <= 1 && Volatility >= 0, "QuoteChangeProbability must be in [0, 1] and Volatility not negative.");
        Require(Leverage > 0 && MaxBars > 0 && JournalCapacity >= 0, "Leverage and MaxBars must be positive, JournalCapacity not negative.");
        Faults.Validate();
    }

    internal static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
