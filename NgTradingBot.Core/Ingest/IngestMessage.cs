using System.Text.Json;
using NgTradingBot.Infrastructure.Handoff;

namespace NgTradingBot.Core.Ingest;

/// <summary>One stream entry, decoded: its envelope, or why it cannot be (then it goes straight to the dead letters).</summary>
public sealed class IngestMessage : IDisposable
{
    private readonly JsonDocument? _document;

    public IngestMessage(string id, string kind, byte[] payload)
    {
        Id = id;
        Kind = kind;
        Payload = payload;
        try
        {
            (Envelope, _document) = IngestEnvelope.Parse(payload);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentOutOfRangeException)
        {
            Error = $"unreadable envelope: {ex.Message}";
        }
    }

    public string Id { get; }

    public string Kind { get; }

    public byte[] Payload { get; }

    public IngestEnvelope? Envelope { get; }

    public string? Error { get; }

    public void Dispose() => _document?.Dispose();
}

/// <summary>The account a message belongs to, looked up once per batch.</summary>
/// <param name="BrokerOffsetSeconds">The broker's UTC offset as last estimated; updated within the batch by tick batches.</param>
public sealed record IngestAccount(long Id, long Login, string Broker, int? BrokerOffsetSeconds);
