namespace NgTradingBot.EaProtocol.Domain;

/// <summary>The non-trading deal types the EA reports in /api/transaction (MT5 DEAL_TYPE_*).</summary>
public enum TransactionType
{
    Balance,
    Credit,
    Charge,
    Correction,
    Bonus,
    Commission,
    CommissionDaily,
    CommissionMonthly,
    Interest,
}
