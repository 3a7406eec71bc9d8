namespace NgTradingBot.Infrastructure.Redis;

/// <summary>One entry of an ingest stream: what kind of message it is and its raw payload.</summary>
public sealed record StreamMessage(string Id, string Kind, byte[] Payload);

/// <summary>
/// Durable hand-off between processes through Redis streams and consumer groups. An appended entry
/// survives a crash of either side (Redis runs with AOF); an entry is removed only once a consumer
/// acknowledged it, so a consumer that dies mid-batch gets the same entries again.
/// </summary>
public interface IRedisStreams
{
    Task<string> AppendAsync(string stream, string kind, byte[] payload);

    Task EnsureConsumerGroupAsync(string stream, string group);

    /// <summary>New entries for this consumer, or with <paramref name="pendingOnly"/> the ones it read but never acknowledged.</summary>
    Task<IReadOnlyList<StreamMessage>> ReadAsync(string stream, string group, string consumer, int count, bool pendingOnly = false);

    /// <summary>Acknowledges and deletes the entries, so the stream only holds unprocessed work.</summary>
    Task AcknowledgeAsync(string stream, string group, IReadOnlyCollection<string> ids);

    Task<long> LengthAsync(string stream);
}
