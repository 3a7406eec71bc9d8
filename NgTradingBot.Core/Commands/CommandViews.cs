using System.Text.Json;

namespace NgTradingBot.Core.Commands;

/// <summary>
/// A command as the API shows it: where it is in its lifecycle, and (for one command) its full history. A PENDING
/// command with <see cref="RetryAt"/> waits for a retry (attempt <see cref="Attempts"/> + 1).
/// </summary>
public sealed record CommandView(
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
    CommandLatency Latency,
    OrderProtection? Protection,
    IReadOnlyList<CommandEventView>? Events);

/// <summary>
/// Milliseconds spent in each stage of the command's path, where both ends are known: created to delivered (queued and
/// waiting for the EA's poll), delivered to answered (the EA's execution and the way back to the gateway), answered to
/// stored (Core's ingest), and end to end (created to stored).
/// </summary>
public sealed record CommandLatency(double? DeliveredMs, double? AnsweredMs, double? StoredMs, double? EndToEndMs)
{
    public static CommandLatency Of(DateTimeOffset created, DateTimeOffset? delivered, DateTimeOffset? answered, DateTimeOffset? stored) => new(
        Between(created, delivered), Between(delivered, stored is null ? null : answered), Between(stored is null ? null : answered, stored), Between(created, stored));

    private static double? Between(DateTimeOffset? from, DateTimeOffset? to) =>
        from is { } start && to is { } end ? Math.Round(Math.Max(0, (end - start).TotalMilliseconds), 3) : null;
}

/// <summary>One transition: from_status is null for the creation, equal to to_status for a note (e.g. a duplicate response).</summary>
public sealed record CommandEventView(DateTime At, string? FromStatus, string ToStatus, JsonElement? Detail);

/// <summary>The API's views of the stored entities.</summary>
internal static class CommandViewMapping
{
    public static CommandView ToView(this EaCommand c, long login, IReadOnlyList<CommandEventView>? events) => new(
        c.Id, login, c.Type, CommandPriority.Name(c.Priority), c.Status, Json(c.Payload)!.Value, c.IdempotencyKey, c.CreatedBy,
        c.CreatedAt.UtcDateTime, c.ExpiresAt.UtcDateTime, c.DeliveredAt?.UtcDateTime, c.DeliveredVia, c.ResponseDueAt?.UtcDateTime,
        c.FinishedAt?.UtcDateTime, c.ResponseStatus, Json(c.Response), c.Ticket, c.Attempts, c.RetryAt?.UtcDateTime,
        CommandLatency.Of(c.CreatedAt, c.DeliveredAt, c.FinishedAt, c.StoredAt), OrderProtection.FromJson(c.Protection), events);

    public static CommandEventView ToView(this CommandTransition t) => new(t.At.UtcDateTime, t.FromStatus, t.ToStatus, Json(t.Detail));

    private static JsonElement? Json(string? text)
    {
        if (text is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
