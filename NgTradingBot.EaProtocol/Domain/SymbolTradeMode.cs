namespace NgTradingBot.EaProtocol.Domain;

/// <summary>MT5 ENUM_SYMBOL_TRADE_MODE as sent in symbol_specs (4 is full access, not "close only").</summary>
public enum SymbolTradeMode
{
    Disabled = 0,
    LongOnly = 1,
    ShortOnly = 2,
    CloseOnly = 3,
    Full = 4,
}
