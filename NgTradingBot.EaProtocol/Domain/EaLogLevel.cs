namespace NgTradingBot.EaProtocol.Domain;

/// <summary>Level of an /api/log entry.</summary>
public enum EaLogLevel { Info, Warning, Error }
