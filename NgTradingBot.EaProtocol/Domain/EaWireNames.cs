namespace NgTradingBot.EaProtocol.Domain;

/// <summary>The contract's spelling of every enum the EA sends or receives.</summary>
public static class EaWireNames
{
    public static WireNames<EaLogLevel> LogLevels { get; } = new(
        (EaLogLevel.Info, "INFO"), (EaLogLevel.Warning, "WARNING"), (EaLogLevel.Error, "ERROR"));

    public static WireNames<TradeDirection> Directions { get; } = new(
        (TradeDirection.Buy, "BUY"), (TradeDirection.Sell, "SELL"));

    public static WireNames<TradeStatus> TradeStatuses { get; } = new(
        (TradeStatus.Open, "open"), (TradeStatus.Closed, "closed"));

    public static WireNames<CommandResultStatus> CommandResults { get; } = new(
        (CommandResultStatus.Completed, "completed"), (CommandResultStatus.Failed, "failed"));

    public static WireNames<Timeframe> Timeframes { get; } = new(
        (Timeframe.M1, "M1"), (Timeframe.M5, "M5"), (Timeframe.M15, "M15"),
        (Timeframe.H1, "H1"), (Timeframe.H4, "H4"), (Timeframe.D1, "D1"));

    public static WireNames<TransactionType> TransactionTypes { get; } = new(
        (TransactionType.Balance, "BALANCE"),
        (TransactionType.Credit, "CREDIT"),
        (TransactionType.Charge, "CHARGE"),
        (TransactionType.Correction, "CORRECTION"),
        (TransactionType.Bonus, "BONUS"),
        (TransactionType.Commission, "COMMISSION"),
        (TransactionType.CommissionDaily, "COMMISSION_DAILY"),
        (TransactionType.CommissionMonthly, "COMMISSION_MONTHLY"),
        (TransactionType.Interest, "INTEREST"));
}
