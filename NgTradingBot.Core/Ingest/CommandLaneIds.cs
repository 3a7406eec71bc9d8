using System.Text.Json;
using NgTradingBot.Core.Commands;
using NgTradingBot.Handoff;

namespace NgTradingBot.Core.Ingest;

/// <summary>Which command a command-lane message is about, so a batch can lock all of them at once before its handlers run.</summary>
public static class CommandLaneIds
{
    /// <summary>The command's own id (the attempt suffix taken off), or null for a message that names none.</summary>
    public static string? CommandIdOf(IngestMessage message) =>
        message.Envelope is { } envelope && WireIdOf(message.Kind, message.CommandId, envelope.Body) is { } wireId ? CommandAttempts.Parse(wireId).CommandId : null;

    /// <summary>The id the EA got (<see cref="CommandAttempts.WireId"/>): a delivery or expiry record's own field, else the body's <c>command_id</c>.</summary>
    public static string? WireIdOf(string kind, string? commandField, JsonElement body) => kind switch
    {
        // Delivery records written before the entry carried its own command field hold the id in the body.
        IngestKinds.CommandDelivered or IngestKinds.CommandExpired or IngestKinds.CommandResponse => commandField ?? BodyCommandId(body),
        _ => null,
    };

    public static string WireIdOf(IngestContext context) =>
        WireIdOf(IngestKinds.CommandDelivered, context.CommandId, context.Body) ?? throw new IngestDataException("command_delivered needs a non-empty string command_id");

    private static string? BodyCommandId(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("command_id", out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text
            ? text
            : null;
}
