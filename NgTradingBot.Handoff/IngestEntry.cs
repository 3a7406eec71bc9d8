namespace NgTradingBot.Handoff;

/// <summary>
/// One entry of the ingest stream: what kind of message it is, its envelope as the gateway wrote it, and,
/// for a delivery record, the command it records (the dequeue script sets it, since only it knows which).
/// </summary>
public sealed record IngestEntry(string Id, string Kind, byte[] Payload, string? CommandId = null);
