namespace NgTradingBot.EaProtocol.Domain;

/// <summary>The bar periods the EA knows (coverage, history upload, REQUEST_HISTORICAL_DATA).</summary>
public enum Timeframe { M1, M5, M15, H1, H4, D1 }
