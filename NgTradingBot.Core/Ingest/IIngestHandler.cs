namespace NgTradingBot.Core.Ingest;

/// <summary>Stores one kind of ingest message (<see cref="NgTradingBot.Handoff.IngestKinds"/>).</summary>
public interface IIngestHandler
{
    string Kind { get; }

    /// <summary>
    /// Writes the message's effects through the context's transaction or its gathered writes. Throw
    /// <see cref="IngestDataException"/> for a message that can never be stored.
    /// </summary>
    Task HandleAsync(IngestContext context);
}
