using System.Text.Json;

namespace NgTradingBot.Core.Commands;

/// <summary>A command as the API shows it: where it is in its lifecycle, and (for one command) its full history.</summary>
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
    IReadOnlyList<CommandEventView>? Events);

/// <summary>One transition: from_status is null for the creation, equal to to_status for a note (e.g. a duplicate response).</summary>
public sealed record CommandEventView(DateTime At, string? FromStatus, string ToStatus, JsonElement? Detail);

/// <summary>The stored row behind <see cref="CommandView"/>.</summary>
internal sealed record CommandRow(
    string Id, long Login, string Type, int Priority, string Status, string Payload, string? IdempotencyKey, string? CreatedBy,
    DateTime CreatedAt, DateTime ExpiresAt, DateTime? DeliveredAt, string? DeliveredVia, DateTime? ResponseDueAt, DateTime? FinishedAt,
    string? ResponseStatus, string? Response, long? Ticket, int Attempts)
{
    public const string Select = """
        SELECT c.id, a.login, c.type, c.priority::integer AS priority, c.status, c.payload::text AS payload, c.idempotency_key, c.created_by,
               c.created_at, c.expires_at, c.delivered_at, c.delivered_via, c.response_due_at, c.finished_at,
               c.response_status, c.response::text AS response, c.ticket, c.attempts
          FROM commands c JOIN accounts a ON a.id = c.account_id
        """;

    public CommandView ToView(IReadOnlyList<CommandEventView>? events) => new(
        Id, Login, Type, CommandPriority.Name(Priority), Status, Json(Payload)!.Value, IdempotencyKey, CreatedBy, CreatedAt, ExpiresAt,
        DeliveredAt, DeliveredVia, ResponseDueAt, FinishedAt, ResponseStatus, Json(Response), Ticket, Attempts, events);

    internal static JsonElement? Json(string? text)
    {
        if (text is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}

internal sealed record CommandEventRow(DateTime At, string? FromStatus, string ToStatus, string? Detail)
{
    public CommandEventView ToView() => new(At, FromStatus, ToStatus, CommandRow.Json(Detail));
}
