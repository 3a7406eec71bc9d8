namespace NgTradingBot.Handoff;

/// <summary>What an ingest entry carries; Core dispatches on it.</summary>
public static class IngestKinds
{
    public const string Heartbeat = "heartbeat";
    public const string Ticks = "ticks";
    public const string ProfitUpdate = "profit_update";
    public const string Transaction = "transaction";
    public const string TradeUpdate = "trade_update";
    public const string Log = "log";
    public const string SymbolSpecs = "symbol_specs";
    public const string OhlcHistorical = "ohlc_historical";
    public const string CommandResponse = "command_response";
    public const string Disconnect = "disconnect";

    /// <summary>Written by the dequeue script itself, atomically with the pop.</summary>
    public const string CommandDelivered = "command_delivered";

    /// <summary>Written by the dequeue script instead of a delivery: the command was past its deadline or its price guard.</summary>
    public const string CommandExpired = "command_expired";
}
