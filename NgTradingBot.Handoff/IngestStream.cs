using StackExchange.Redis;

namespace NgTradingBot.Handoff;

/// <summary>
/// The durable hand-off from the gateways to Core: two Redis streams (the lanes of <see cref="IngestLane"/>),
/// each read through one consumer group on its own, so neither waits for the other. An appended entry survives a crash of either
/// side (Redis runs with AOF); an entry leaves its stream only once a consumer acknowledged it, so a consumer
/// that dies mid-batch gets the same entries again. Order is kept within a lane, which is all that matters:
/// a command's delivery and response share a lane, and a trade update links to its command in either order.
/// </summary>
/// <param name="key">The data lane's key; only tests name another than <see cref="EaRedisKeys.IngestStream"/>.</param>
public sealed class IngestStream(IConnectionMultiplexer redis, string key = EaRedisKeys.IngestStream)
{
    // Field names of an entry; the dequeue script writes delivery records with the same three.
    internal const string KindField = "k";
    internal const string PayloadField = "p";
    internal const string CommandField = "c";

    private readonly RedisKey _dataKey = key;
    private readonly RedisKey _commandKey = CommandLaneKey(key);

    /// <summary>The command lane's key beside a data lane's key.</summary>
    public static string CommandLaneKey(string dataKey) => dataKey == EaRedisKeys.IngestStream ? EaRedisKeys.CommandIngestStream : dataKey + ":commands";

    /// <summary>Where an append to this command lane is announced (see <see cref="EaRedisKeys.CommandLaneAppendedChannel"/>).</summary>
    public RedisChannel CommandLaneAppended { get; } = RedisChannel.Literal(CommandLaneKey(key) + ":appended");

    private IDatabase Database => redis.GetDatabase();

    /// <summary>The lane a kind travels in.</summary>
    public static IngestLane LaneOf(string kind) =>
        kind is IngestKinds.CommandResponse or IngestKinds.CommandDelivered or IngestKinds.CommandExpired ? IngestLane.Commands : IngestLane.Data;

    public async Task<string> AppendAsync(string kind, byte[] payload)
    {
        var lane = LaneOf(kind);
        var added = Database.StreamAddAsync(KeyOf(lane), [new(KindField, kind), new(PayloadField, payload)]);
        if (lane == IngestLane.Commands)
        {
            // Sent right behind the append on the same connection, so Redis runs it after the entry exists.
            _ = Database.PublishAsync(CommandLaneAppended, RedisValue.EmptyString, CommandFlags.FireAndForget);
        }
        return (string)(await added.ConfigureAwait(false))!;
    }

    public async Task EnsureConsumerGroupAsync()
    {
        foreach (var laneKey in new[] { _commandKey, _dataKey })
        {
            try
            {
                await Database.StreamCreateConsumerGroupAsync(laneKey, EaRedisKeys.IngestGroup, StreamPosition.Beginning, createStream: true).ConfigureAwait(false);
            }
            catch (RedisServerException ex) when (ex.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
            {
                // Created by an earlier start or another instance.
            }
        }
    }

    /// <summary>Up to <paramref name="count"/> of the lane's entries never read by any consumer of the group.</summary>
    public Task<IReadOnlyList<IngestEntry>> ReadNewAsync(string consumer, int count, IngestLane lane) => ReadAsync(consumer, count, lane, StreamPosition.NewMessages);

    /// <summary>The lane's entries this consumer read before (for example before a crash) but never acknowledged.</summary>
    public Task<IReadOnlyList<IngestEntry>> ReadPendingAsync(string consumer, int count, IngestLane lane) => ReadAsync(consumer, count, lane, StreamPosition.Beginning);

    /// <summary>Takes over the lane's entries another consumer read and left unacknowledged for longer than <paramref name="idle"/> (an instance that is gone).</summary>
    public async Task<IReadOnlyList<IngestEntry>> ClaimAbandonedAsync(string consumer, TimeSpan idle, int count, IngestLane lane)
    {
        var claimed = await Database.StreamAutoClaimAsync(KeyOf(lane), EaRedisKeys.IngestGroup, consumer, (long)idle.TotalMilliseconds,
            StreamPosition.Beginning, count).ConfigureAwait(false);
        return ToEntries(lane, claimed.ClaimedEntries);
    }

    /// <summary>Acknowledges and deletes the entries in one transaction, so each stream holds only unprocessed work.</summary>
    public async Task AcknowledgeAsync(IReadOnlyCollection<IngestEntry> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }
        var transaction = Database.CreateTransaction();
        foreach (var lane in entries.GroupBy(e => e.Lane))
        {
            var ids = lane.Select(e => (RedisValue)e.Id).ToArray();
            _ = transaction.StreamAcknowledgeAsync(KeyOf(lane.Key), EaRedisKeys.IngestGroup, ids);
            _ = transaction.StreamDeleteAsync(KeyOf(lane.Key), ids);
        }
        if (!await transaction.ExecuteAsync().ConfigureAwait(false))
        {
            throw new RedisException("Acknowledging ingest entries did not commit.");
        }
    }

    /// <summary>The backlog: entries appended to either lane and not yet acknowledged.</summary>
    public async Task<long> LengthAsync()
    {
        var commands = Database.StreamLengthAsync(_commandKey);
        var data = Database.StreamLengthAsync(_dataKey);
        return await commands.ConfigureAwait(false) + await data.ConfigureAwait(false);
    }

    private RedisKey KeyOf(IngestLane lane) => lane == IngestLane.Commands ? _commandKey : _dataKey;

    private async Task<IReadOnlyList<IngestEntry>> ReadAsync(string consumer, int count, IngestLane lane, RedisValue position) =>
        ToEntries(lane, await Database.StreamReadGroupAsync(KeyOf(lane), EaRedisKeys.IngestGroup, consumer, position, count).ConfigureAwait(false));

    private static List<IngestEntry> ToEntries(IngestLane lane, StreamEntry[] entries)
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
                command.IsNull ? null : (string?)command, lane));
        }
        return result;
    }
}
