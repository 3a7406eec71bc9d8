namespace NgTradingBot.EaSimulator.Tests.Support;

/// <summary>A terminal with fixed quotes: EURUSD 1.08100/1.08108, XAUUSD 2650.00/2650.25, broker time 2026-11-20 12:00.</summary>
internal static class TestTerminal
{
    public static readonly DateTimeOffset Start = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    public static EaOptions Options => new()
    {
        AvailableSymbols = ["EURUSD", "XAUUSD", "BTCUSD"],
        StartPrices = new Dictionary<string, double> { ["EURUSD"] = 1.08100, ["XAUUSD"] = 2650.00 },
        HonourSleeps = false,
    };

    public static EaTerminal Create(EaOptions? options = null)
    {
        var o = options ?? Options;
        return new EaTerminal(o, new BrokerClock(new ManualTimeProvider(Start), o.BrokerUtcOffsetSeconds));
    }

    public static EaTerminal WithSpec(SymbolSpec spec, bool rejectsAsRetcode = false) => Create(Options with
    {
        SymbolSpecs = new Dictionary<string, SymbolSpec> { [spec.Symbol] = spec },
        BrokerRejectsAsRetcode = rejectsAsRetcode,
    });

    public static SymbolSpec EurUsd => SymbolCatalog.DefaultFor("EURUSD") with { StartBid = 1.08100 };
}
