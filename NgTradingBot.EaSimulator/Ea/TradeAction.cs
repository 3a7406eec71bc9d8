namespace NgTradingBot.EaSimulator;

/// <summary>The EA's SendTradeUpdate action; not transmitted, it only selects where the data come from.</summary>
internal enum TradeAction
{
    Open,
    Modify,
    Close,
}
