using StackExchange.Redis;

namespace NgTradingBot.Handoff;

/// <summary>
/// The durable hand-off from the gateways to Core: a Redis stream read through one consumer group. An
/// appended entry survives a crash of either side (Redis runs with AOF); an entry leaves the stream only
/// once a consumer acknowledged it, so a consumer that dies mid-batch gets the same entries again.
/// </summary>
/// <param name="key">The stream's key; only tests name another than <see cref="EaRedisKeys.IngestStream"/>.</param>
public sealed class IngestStream(IConnectionMultiplexer redis, string key = EaRedisKeys.IngestStream)
{
    // Field names of an entry; the dequeue script writes delivery records with the same three.
    internal const string KindField = "k";
    internal const string PayloadField = "p";
    internal const string CommandField = "c";

    private readonly RedisKey _key = key;

    private IDatabase Database => redis.GetDatabase();

    public async Task<string> AppendAsync(string kind, byte[] payload) =>
        (string)(await Database.StreamAddAsync(_key, [new(KindField, kind), new(PayloadField, payload)]).ConfigureAwait(false))!;

    public async Task EnsureConsumerGroupAsync()
    {
        try
        {
            await Database.StreamCreateConsumerGroupAsync(_key, EaRedisKeys.IngestGroup, StreamPosition.Beginning, createStream: true).ConfigureAwait(false);
        }
        catch (RedisServerException ex) when (ex.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // Created by an earlier start or another instance.
        }
    }

    /// <summary>Entries never read by any consumer of the group.</summary>
    public async Task<IReadOnlyList<IngestEntry>> ReadNewAsync(string consumer, int count) =>
        ToEntries(await Database.StreamReadGroupAsync(_key, EaRedisKeys.IngestGroup, consumer, StreamPosition.NewMessages, count).ConfigureAwait(false));

    /// <summary>Entries this consumer read before (for example before a crash) but never acknowledged.</summary>
    public async Task<IReadOnlyList<IngestEntry>> ReadPendingAsync(string consumer, int count) =>
        ToEntries(await Database.StreamReadGroupAsync(_key, EaRedisKeys.IngestGroup, consumer, StreamPosition.Beginning, count).ConfigureAwait(false));

    /// <summary>Takes over entries another consumer read and left unacknowledged for longer than <paramref name="idle"/> (an instance that is gone).</summary>
    public async Task<IReadOnlyList<IngestEntry>> ClaimAbandonedAsync(string consumer, TimeSpan idle, int count)
    {
        var claimed = await Database.StreamAutoClaimAsync(_key, EaRedisKeys.IngestGroup, consumer, (long)idle.TotalMilliseconds,
            StreamPosition.Beginning, count).ConfigureAwait(false);
        return ToEntries(claimed.ClaimedEntries);
    }

    /// <summary>Acknowledges and deletes the entries in one transaction, so the stream holds only unprocessed work.</summary>
    public async Task AcknowledgeAsync(IReadOnlyCollection<string> ids)
    {
        if (ids.Count == 0)
        {
            return;
        }
        var values = ids.Select(id => (RedisValue)id).ToArray();
        var transaction = Database.CreateTransaction();
        _ = transaction.StreamAcknowledgeAsync(_key, EaRedisKeys.IngestGroup, values);
        _ = transaction.StreamDeleteAsync(_key, values);
        if (!await transaction.ExecuteAsync().ConfigureAwait(false))
        {
            throw new RedisException("Acknowledging ingest entries did not commit.");
        }
    }

    /// <summary>The backlog: entries appended and not yet acknowledged.</summary>
    public Task<long> LengthAsync() => Database.StreamLengthAsync(_key);

    private static List<IngestEntry> ToEntries(StreamEntry[] entries)
    {
        var result = new List<IngestEntry>(entries.Length);
        foreach (var entry in entries)
        {
            // A pending entry deleted meanwhile comes back without fields: nothing is left to process.
            if (entry.IsNull || entry.Values is not { Length: > 0 })
            {
                continue;
            }
            var command = entry[CommandField];
            result.Add(new IngestEntry(entry.Id!, (string?)entry[KindField] ?? string.Empty, (byte[]?)entry[PayloadField] ?? [],
                command.IsNull ? null : (string?)command));
        }
        return result;
    }
}
