namespace NgTradingBot.EaSimulator;

/// <summary>One MqlRates bar: open time in broker seconds, prices, tick volume.</summary>
public sealed record Bar(long Time, double Open, double High, double Low, double Close, long TickVolume);
