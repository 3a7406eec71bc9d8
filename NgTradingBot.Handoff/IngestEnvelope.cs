using System.Buffers;
using System.Text.Json;

namespace NgTradingBot.Handoff;

/// <summary>
/// One accepted EA request on its way from the gateway to Core: who sent it, when, and the body as
/// validated JSON (repaired if the EA's unescaped strings made it invalid). Core parses the body with
/// the same request models the gateway validated it with.
/// </summary>
public sealed record IngestEnvelope(long Login, long AccountId, DateTimeOffset ReceivedAt, string? RemoteAddress, JsonElement Body)
{
    public byte[] ToBytes()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("login", Login);
            writer.WriteNumber("accountId", AccountId);
            writer.WriteNumber("receivedAt", ReceivedAt.ToUnixTimeMilliseconds());
            if (RemoteAddress is not null)
            {
                writer.WriteString("remote", RemoteAddress);
            }
            writer.WritePropertyName("body");
            Body.WriteTo(writer);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The caller owns the returned document (the body element lives in it).</summary>
    public static (IngestEnvelope Envelope, JsonDocument Document) Parse(byte[] payload)
    {
        var document = JsonDocument.Parse(payload);
        var root = document.RootElement;
        var envelope = new IngestEnvelope(
            root.GetProperty("login").GetInt64(),
            root.GetProperty("accountId").GetInt64(),
            DateTimeOffset.FromUnixTimeMilliseconds(root.GetProperty("receivedAt").GetInt64()),
            root.TryGetProperty("remote", out var remote) ? remote.GetString() : null,
            root.GetProperty("body"));
        return (envelope, document);
    }
}
