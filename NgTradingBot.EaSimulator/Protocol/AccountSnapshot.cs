namespace NgTradingBot.EaSimulator;

/// <summary>Live account values (AccountInfoDouble BALANCE, EQUITY, MARGIN, MARGIN_FREE).</summary>
public sealed record AccountSnapshot(double Balance, double Equity, double Margin, double FreeMargin);
