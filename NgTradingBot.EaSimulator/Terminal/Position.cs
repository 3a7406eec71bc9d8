namespace NgTradingBot.EaSimulator;

/// <summary>A snapshot of an open position; <see cref="Profit"/> is the floating profit at the current quote.</summary>
public sealed record Position(
    ulong Ticket,
    string Symbol,
    TradeSide Side,
    double Volume,
    double OpenPrice,
    long OpenTime,
    double Sl,
    double Tp,
    double Profit,
    double Swap,
    long Magic,
    string Comment)
{
    public string Direction => Side == TradeSide.Buy ? "BUY" : "SELL";
}
