namespace NgTradingBot.Handoff;

/// <summary>
/// One entry of the ingest stream: what kind of message it is, its envelope as the gateway wrote it, and,
/// for a delivery record, the command it records (the dequeue script sets it, since only it knows which).
/// </summary>
/// <param name="Id">The entry's id in its lane's stream (what is acknowledged).</param>
public sealed record IngestEntry(string Id, string Kind, byte[] Payload, string? CommandId = null, IngestLane Lane = IngestLane.Data)
{
    /// <summary>
    /// Unique across both lanes, for the receipts: the two streams number their entries independently. Data
    /// entries keep the bare id they always had, so entries left unacknowledged by an earlier version still
    /// find their receipts.
    /// </summary>
    public string MessageId => Lane == IngestLane.Commands ? CommandLanePrefix + Id : Id;

    private const string CommandLanePrefix = "commands/";
}

/// <summary>
/// The ingest hand-off has two lanes. Command deliveries and responses travel apart from the EAs' data, so a
/// strategy learns an order's outcome as soon as Core reads it, not after a backlog of quotes drains.
/// </summary>
public enum IngestLane
{
    Data,
    Commands,
}
