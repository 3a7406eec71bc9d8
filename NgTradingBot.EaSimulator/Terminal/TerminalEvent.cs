namespace NgTradingBot.EaSimulator;

/// <summary>
/// Events the terminal queues for the EA, in the order MT5 raises them: OnTradeTransaction kinds first, then
/// OnTrade. The EA handles them after the handler that caused them returns (it is single-threaded).
/// </summary>
public abstract record TerminalEvent
{
    /// <summary>TRADE_TRANSACTION_DEAL_ADD.</summary>
    public sealed record DealAdded(ulong DealTicket) : TerminalEvent;

    /// <summary>TRADE_TRANSACTION_HISTORY_ADD of a filled market order.</summary>
    public sealed record HistoryOrderAdded(ulong OrderTicket, TradeSide OrderSide, ulong PositionTicket) : TerminalEvent;

    /// <summary>TRADE_TRANSACTION_POSITION (an SL/TP change); the EA ignores it.</summary>
    public sealed record PositionChanged(ulong PositionTicket) : TerminalEvent;

    /// <summary>OnTrade.</summary>
    public sealed record Trade : TerminalEvent;
}
