namespace NgTradingBot.EaSimulator;

/// <summary>ENUM_DEAL_TYPE values the simulator produces; the non-trading ones are reported via /api/transaction.</summary>
public enum DealType
{
    Buy,
    Sell,
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

public enum DealEntry
{
    In,
    Out,
}

/// <summary>One entry of the account's deal history. Times are broker seconds.</summary>
public sealed record Deal(
    ulong Ticket,
    ulong Order,
    ulong PositionId,
    string Symbol,
    DealType Type,
    DealEntry Entry,
    double Volume,
    double Price,
    long Time,
    double Profit,
    double Commission,
    double Swap,
    string Comment)
{
    public bool IsTrade => Type is DealType.Buy or DealType.Sell;

    /// <summary>The <c>transaction_type</c> string of a non-trading deal; null for BUY/SELL.</summary>
    public string? TransactionType => Type switch
    {
        DealType.Balance => "BALANCE",
        DealType.Credit => "CREDIT",
        DealType.Charge => "CHARGE",
        DealType.Correction => "CORRECTION",
        DealType.Bonus => "BONUS",
        DealType.Commission => "COMMISSION",
        DealType.CommissionDaily => "COMMISSION_DAILY",
        DealType.CommissionMonthly => "COMMISSION_MONTHLY",
        DealType.Interest => "INTEREST",
        _ => null,
    };
}
