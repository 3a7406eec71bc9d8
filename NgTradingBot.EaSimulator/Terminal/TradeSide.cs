namespace NgTradingBot.EaSimulator;

public enum TradeSide
{
    Buy,
    Sell,
}

/// <summary>ORDER_FILLING_* of a trade request.</summary>
public enum FillingMode
{
    Fok,
    Ioc,
    Return,
}

/// <summary>Which protective level <see cref="EaTerminal.ForceStopHit"/> should trigger.</summary>
public enum StopKind
{
    StopLoss,
    TakeProfit,
}
