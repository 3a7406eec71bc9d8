namespace NgTradingBot.EaProtocol.Domain;

/// <summary>State of a trade in /api/trades/update. A partial close arrives as Closed and later comes back as Open.</summary>
public enum TradeStatus { Open, Closed }
