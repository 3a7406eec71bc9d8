using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace NgTradingBot.Handoff;

/// <summary>
/// One accepted EA request on its way from the gateway to Core: who sent it, when, and the body as
/// validated JSON (repaired if the EA's unescaped strings made it invalid). Core parses the body with
/// the same request models the gateway validated it with.
/// </summary>
public sealed record IngestEnvelope(long Login, long AccountId, DateTimeOffset ReceivedAt, string? RemoteAddress, JsonElement Body)
{
    /// <summary>
    /// The entry's payload: the body's own bytes as the gateway validated them, copied once, not written again
    /// element by element; the buffer and writer are reused per thread, so the result is the only allocation.
    /// </summary>
    public byte[] ToBytes()
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        writer.WriteStartObject();
        writer.WriteNumber("login", Login);
        writer.WriteNumber("accountId", AccountId);
        writer.WriteNumber("receivedAt", ReceivedAt.ToUnixTimeMilliseconds());
        if (RemoteAddress is not null)
        {
            writer.WriteString("remote", RemoteAddress);
        }
        writer.WritePropertyName("body");
        writer.WriteRawValue(JsonMarshal.GetRawUtf8Value(Body), skipInputValidation: true);
        writer.WriteEndObject();
        writer.Flush();
        var bytes = buffer.WrittenSpan.ToArray();
        // A rare huge body (a history upload) does not stay pinned to the thread.
        if (buffer.Capacity > MaxKeptBuffer)
        {
            t_buffer = null;
            t_writer = null;
        }
        return bytes;
    }

    private const int MaxKeptBuffer = 256 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

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
