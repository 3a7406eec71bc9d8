namespace NgTradingBot.EaProtocol.Responses;

/// <summary>A key and a scalar value of a flat response or command object.</summary>
public readonly record struct EaField(string Key, EaValue Value);
