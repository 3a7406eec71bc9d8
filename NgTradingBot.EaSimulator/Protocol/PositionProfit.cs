namespace NgTradingBot.EaSimulator;

/// <summary>One entry of the <c>positions</c> array of a tick batch.</summary>
public sealed record PositionProfit(ulong Ticket, double Profit, double Swap);
