namespace NgTradingBot.EaProtocol.Domain;

/// <summary>Side of a position (the EA sends "BUY"/"SELL").</summary>
public enum TradeDirection { Buy, Sell }
