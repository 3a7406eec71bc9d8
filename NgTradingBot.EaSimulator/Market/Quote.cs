namespace NgTradingBot.EaSimulator;

/// <summary>The current bid and ask of a symbol (SymbolInfoTick).</summary>
public readonly record struct Quote(double Bid, double Ask);
