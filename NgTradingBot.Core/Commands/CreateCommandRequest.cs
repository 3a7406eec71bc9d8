using System.Text.Json;
using NgTradingBot.EaProtocol.Responses;

namespace NgTradingBot.Core.Commands;

/// <summary>
/// The body of <c>POST /api/accounts/{login}/commands</c>:
/// <c>{"type":"OPEN_TRADE","priority":"NORMAL","payload":{...},"expiresInSeconds":60,"createdBy":"strategy-x"}</c>, optionally
/// protected (<see cref="OrderProtection"/>) with <c>"ttlSeconds":5,"signalAt":"2026-12-04T10:00:00Z"</c> and, for an
/// OPEN_TRADE, <c>"signalPrice":1.085,"maxPriceDeviation":0.0005</c>.
/// </summary>
public sealed record CreateCommandRequest(string? Type, string? Priority, JsonElement? Payload, int? ExpiresInSeconds, string? CreatedBy)
{
    public int? TtlSeconds { get; init; }
    public DateTimeOffset? SignalAt { get; init; }
    public decimal? SignalPrice { get; init; }
    public decimal? MaxPriceDeviation { get; init; }
}

/// <summary>A command the EA will accept as sent: normalized fields in wire order, ready to become a <see cref="FlatCommand"/>.</summary>
/// <param name="Ticket">The position a MODIFY_TRADE/CLOSE_TRADE acts on; an OPEN_TRADE learns its ticket from the response.</param>
/// <param name="Protection">The TTL and price guard asked for, with the signal time filled in; null when none.</param>
public sealed record ValidatedCommand(string Type, int Priority, IReadOnlyList<EaField> Fields, TimeSpan ExpiresIn, long? Ticket, string? CreatedBy,
    OrderProtection? Protection = null)
{
    public FlatCommand ToFlatCommand(string id) => new(id, Type, Fields);

    /// <summary>The payload as stored (and shown by the API): the fields the EA receives, without id and type.</summary>
    public string PayloadJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            foreach (var field in Fields)
            {
                switch (field.Value.Kind)
                {
                    case EaValueKind.Text: writer.WriteString(field.Key, field.Value.AsText); break;
                    case EaValueKind.Boolean: writer.WriteBoolean(field.Key, field.Value.AsBoolean!.Value); break;
                    default: writer.WriteNumber(field.Key, field.Value.AsDecimal!.Value); break;
                }
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
