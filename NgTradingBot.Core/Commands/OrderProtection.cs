using System.Globalization;
using System.Text.Json;
using NgTradingBot.Handoff;

namespace NgTradingBot.Core.Commands;

/// <summary>
/// What a strategy asks to be protected from, per command (stored as the <c>protection</c> jsonb): a signal that
/// is older than its time-to-live when the EA would get it, and for an OPEN_TRADE a price that moved more than
/// <see cref="MaxPriceDeviation"/> from <see cref="SignalPrice"/>. Either way the command is EXPIRED with the
/// reason instead of executed; the dequeue checks both at the instant of delivery (<see cref="DeliveryLimits"/>).
/// </summary>
/// <param name="TtlSeconds">The signal's time to live, counted from <paramref name="SignalAt"/>.</param>
/// <param name="SignalAt">When the strategy's signal was made; the receipt time when it gave none.</param>
public sealed record OrderProtection(int? TtlSeconds, DateTimeOffset? SignalAt, decimal? SignalPrice, decimal? MaxPriceDeviation)
{
    public const string DefaultExpiryReason = "not delivered before expires_at";

    /// <summary>The latest moment its TTL allows delivery, or null without one.</summary>
    public DateTimeOffset? TtlDeadline => TtlSeconds is { } ttl && SignalAt is { } at ? at.AddSeconds(ttl) : null;

    public bool HasPriceGuard => SignalPrice is not null && MaxPriceDeviation is not null;

    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    public static OrderProtection? FromJson(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<OrderProtection>(json, JsonSerializerOptions.Web);

    /// <summary>Why a command past <paramref name="expiresAt"/> expired: its TTL when that set the deadline.</summary>
    public static string ExpiryReason(OrderProtection? protection, DateTimeOffset expiresAt) =>
        protection?.TtlDeadline is { } deadline && expiresAt >= deadline.AddMilliseconds(-1)
            ? string.Create(CultureInfo.InvariantCulture, $"signal older than its TTL of {protection.TtlSeconds} s (signalled at {protection.SignalAt:O})")
            : DefaultExpiryReason;

    /// <summary>The limits the dequeue enforces for a stored command (its payload names the symbol and side a guard checks).</summary>
    public static DeliveryLimits LimitsFor(string payloadJson, OrderProtection? protection, DateTimeOffset expiresAt, TimeSpan maxQuoteAge)
    {
        PriceGuard? guard = null;
        if (protection is { HasPriceGuard: true })
        {
            using var payload = JsonDocument.Parse(payloadJson);
            var fields = payload.RootElement;
            guard = new PriceGuard(fields.GetProperty("symbol").GetString()!, fields.GetProperty("order_type").GetString() == "BUY",
                protection.SignalPrice!.Value, protection.MaxPriceDeviation!.Value, maxQuoteAge);
        }
        return new DeliveryLimits(expiresAt, ExpiryReason(protection, expiresAt), guard);
    }
}
