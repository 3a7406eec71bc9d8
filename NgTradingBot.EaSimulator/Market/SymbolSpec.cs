namespace NgTradingBot.EaSimulator;

/// <summary>
/// A symbol's contract specification as the terminal reports it, plus the simulator's quoting parameters.
/// </summary>
/// <param name="TradeMode">ENUM_SYMBOL_TRADE_MODE: 0 disabled, 1 long only, 2 short only, 3 close only, 4 full.</param>
/// <param name="FillingMode">SYMBOL_FILLING_MODE flags: 1 FOK, 2 IOC (RETURN is always accepted).</param>
/// <param name="SpreadPoints">Fixed spread of the simulated quotes, in points.</param>
/// <param name="StartBid">First bid of the random walk and the level the synthetic history moves around.</param>
public sealed record SymbolSpec(
    string Symbol,
    int Digits,
    double ContractSize,
    double StartBid,
    int SpreadPoints,
    double VolumeMin = 0.01,
    double VolumeMax = 100,
    double VolumeStep = 0.01,
    int StopsLevel = 0,
    int FreezeLevel = 0,
    int TradeMode = 4,
    int FillingMode = 3)
{
    /// <summary>SYMBOL_POINT, the price increment (not the monetary value of a point).</summary>
    public double Point => Digits > 0 ? Math.Round(Math.Pow(10, -Digits), Digits) : ContractSize == 0 ? 0 : 1;

    /// <summary>What SymbolInfo* returns for a name the terminal does not know: all zeros.</summary>
    public static SymbolSpec Unknown(string symbol) => new(symbol, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public double Normalize(double price) => Math.Round(price, Math.Max(Digits, 0), MidpointRounding.AwayFromZero);
}
