namespace NgTradingBot.Core.Trades;

/// <summary>A position as stored in <c>trades</c> (key: account and ticket; tickets are unique per account only).</summary>
/// <param name="Sl">Null when the position has no stop loss (the EA sends 0).</param>
public sealed record TradeRow(
    long Ticket,
    string Symbol,
    string Direction,
    decimal Volume,
    decimal? OpenPrice,
    long? OpenTimeBroker,
    decimal? ClosePrice,
    long? CloseTimeBroker,
    decimal? Sl,
    decimal? Tp,
    decimal? Profit,
    decimal? Commission,
    decimal? Swap,
    string Status,
    string? CloseReason,
    string? Source,
    string? CommandId)
{
    public const string Open = "open";
    public const string Closed = "closed";

    public const string Columns =
        "ticket, symbol, direction, volume, open_price, open_time_broker, close_price, close_time_broker, sl, tp, profit, commission, swap, status, close_reason, source, command_id";

    /// <summary>The EA writes 0 for "no stop"; stored as NULL.</summary>
    public static decimal? Stop(decimal value) => value == 0m ? null : value;

    /// <summary>The EA sends prices with 5 decimals: compare at that precision, never as floats.</summary>
    public static bool SamePrice(decimal? a, decimal? b) => Math.Round(a ?? 0m, 5) == Math.Round(b ?? 0m, 5);
}
