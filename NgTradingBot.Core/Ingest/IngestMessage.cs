using System.Text.Json;
using NgTradingBot.Handoff;

namespace NgTradingBot.Core.Ingest;

/// <summary>One stream entry, decoded: its envelope, or why it cannot be (then it goes straight to the dead letters).</summary>
public sealed class IngestMessage : IDisposable
{
    private readonly JsonDocument? _document;

    public IngestMessage(IngestEntry entry)
    {
        Id = entry.MessageId;
        Kind = entry.Kind;
        Payload = entry.Payload;
        CommandId = entry.CommandId;
        Lane = entry.Lane;
        try
        {
            (Envelope, _document) = IngestEnvelope.Parse(entry.Payload);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentOutOfRangeException)
        {
            Error = $"unreadable envelope: {ex.Message}";
        }
    }

    /// <summary>Unique across the ingest lanes: the receipt's key.</summary>
    public string Id { get; }

    public string Kind { get; }

    public byte[] Payload { get; }

    /// <summary>The command a delivery record is about (see <see cref="IngestEntry.CommandId"/>).</summary>
    public string? CommandId { get; }

    public IngestLane Lane { get; }

    public IngestEnvelope? Envelope { get; }

    public string? Error { get; }

    public void Dispose() => _document?.Dispose();
}

/// <summary>The account a message belongs to, looked up once per batch.</summary>
/// <param name="BrokerOffsetSeconds">The broker's UTC offset as last estimated; updated within the batch by tick batches.</param>
public sealed record IngestAccount(long Id, long Login, string Broker, int? BrokerOffsetSeconds);
