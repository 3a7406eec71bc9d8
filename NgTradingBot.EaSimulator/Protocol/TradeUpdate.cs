namespace NgTradingBot.EaSimulator;

/// <summary>
/// The 16 variable fields of a <c>/api/trades/update</c> body, in wire order. For CLOSE the EA always sends
/// <see cref="Sl"/>/<see cref="Tp"/> 0 and the OUT deal's commission only (contract 5.12).
/// </summary>
public sealed record TradeUpdate(
    ulong Ticket,
    string Symbol,
    string Direction,
    double Volume,
    double OpenPrice,
    long OpenTime,
    double ClosePrice,
    long CloseTime,
    double Sl,
    double Tp,
    double Profit,
    double Commission,
    double Swap,
    string Status,
    string CloseReason);
