using System.Text.Json;

namespace NgTradingBot.Client;

/// <summary>A command and where it is in its lifecycle, as Core reports it.</summary>
public sealed record Command(
    string Id,
    long Login,
    string Type,
    string Priority,
    string Status,
    JsonElement Payload,
    string? IdempotencyKey,
    string? CreatedBy,
    DateTime CreatedAt,
    DateTime ExpiresAt,
    DateTime? DeliveredAt,
    string? DeliveredVia,
    DateTime? ResponseDueAt,
    DateTime? FinishedAt,
    string? ResponseStatus,
    JsonElement? Response,
    long? Ticket,
    int Attempts,
    DateTime? RetryAt,
    CommandLatency? Latency,
    OrderProtection? Protection,
    IReadOnlyList<CommandEvent>? Events)
{
    /// <summary>Nothing more will happen to the command.</summary>
    public bool IsFinal => CommandStatus.IsFinal(Status);
}

/// <summary>Milliseconds in each stage: created to delivered, delivered to answered (the EA), answered to stored (Core), and end to end.</summary>
public sealed record CommandLatency(double? DeliveredMs, double? AnsweredMs, double? StoredMs, double? EndToEndMs);

/// <summary>The time to live and price guard a command was sent with (see <see cref="OrderRequest.TimeToLive"/>).</summary>
public sealed record OrderProtection(int? TtlSeconds, DateTimeOffset? SignalAt, decimal? SignalPrice, decimal? MaxPriceDeviation);

/// <summary>One transition of a command, with the reason Core recorded.</summary>
public sealed record CommandEvent(DateTime At, string? FromStatus, string ToStatus, JsonElement? Detail);

/// <summary>The states of a command's lifecycle.</summary>
public static class CommandStatus
{
    public const string Pending = "PENDING";
    public const string Delivered = "DELIVERED";
    public const string Completed = "COMPLETED";
    public const string Failed = "FAILED";
    public const string Expired = "EXPIRED";
    public const string TimedOut = "TIMED_OUT";
    public const string Cancelled = "CANCELLED";
    public const string OutcomeUnknown = "OUTCOME_UNKNOWN";

    public static bool IsFinal(string status) => status is Completed or Failed or Expired or TimedOut or Cancelled;
}

/// <summary>
/// A market order for <see cref="TradingBotClient.CreateOrderAsync"/>: the EA refuses an order without both stops,
/// and stops on the wrong side of the price.
/// </summary>
public sealed record OrderRequest(string Symbol, OrderSide Side, decimal StopLoss, decimal TakeProfit, decimal Volume = 0.01m)
{
    /// <summary>The order comment (MT5 keeps about 31 characters).</summary>
    public string? Comment { get; init; }

    /// <summary>CRITICAL, HIGH, NORMAL (the default) or LOW.</summary>
    public string? Priority { get; init; }

    /// <summary>Undelivered after this, the order is EXPIRED instead of executed.</summary>
    public TimeSpan? ExpiresIn { get; init; }

    /// <summary>Who sent it, for the audit trail and the UI.</summary>
    public string? CreatedBy { get; init; }

    /// <summary>
    /// The signal's time to live, from <see cref="SignalAt"/> (or from Core's receipt): an order the EA would get later
    /// is EXPIRED with the reason instead of executed. Whole seconds.
    /// </summary>
    public TimeSpan? TimeToLive { get; init; }

    /// <summary>When the strategy's signal was made, if earlier than the call; needs <see cref="TimeToLive"/>.</summary>
    public DateTimeOffset? SignalAt { get; init; }

    /// <summary>The price the signal was made at: with <see cref="MaxPriceDeviation"/>, the order is EXPIRED instead of
    /// executed when the ask (BUY) or bid (SELL) the EA last posted moved further from it than that.</summary>
    public decimal? SignalPrice { get; init; }

    /// <summary>In price units, like <see cref="SignalPrice"/>.</summary>
    public decimal? MaxPriceDeviation { get; init; }
}

public enum OrderSide
{
    Buy,
    Sell,
}

/// <summary>Any command, as Core's API takes it (<c>type</c> OPEN_TRADE, MODIFY_TRADE, CLOSE_TRADE, REQUEST_HISTORICAL_DATA).</summary>
public sealed record CommandRequest(string Type, object Payload, string? Priority = null, int? ExpiresInSeconds = null, string? CreatedBy = null)
{
    /// <summary>See <see cref="OrderRequest.TimeToLive"/>.</summary>
    public int? TtlSeconds { get; init; }
    public DateTimeOffset? SignalAt { get; init; }
    public decimal? SignalPrice { get; init; }
    public decimal? MaxPriceDeviation { get; init; }
}

/// <summary>One command of <see cref="TradingBotClient.CreateCommandsAsync"/>, with the key that makes its retry safe.</summary>
public sealed record BatchedCommand(CommandRequest Command, string? IdempotencyKey = null);
