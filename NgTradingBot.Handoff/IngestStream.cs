using StackExchange.Redis;

namespace NgTradingBot.Handoff;

/// <summary>
/// The durable hand-off from the gateways to Core: two Redis streams (the lanes of <see cref="IngestLane"/>),
/// each read through one consumer group, the command lane first. An appended entry survives a crash of either
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

    private IDatabase Database => redis.GetDatabase();

    /// <summary>The lane a kind travels in.</summary>
    public static IngestLane LaneOf(string kind) =>
        kind is IngestKinds.CommandResponse or IngestKinds.CommandDelivered or IngestKinds.CommandExpired ? IngestLane.Commands : IngestLane.Data;

    public async Task<string> AppendAsync(string kind, byte[] payload) =>
        (string)(await Database.StreamAddAsync(KeyOf(LaneOf(kind)), [new(KindField, kind), new(PayloadField, payload)]).ConfigureAwait(false))!;

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

    /// <summary>Entries never read by any consumer of the group: up to <paramref name="count"/> per lane, the command lane's first.</summary>
    public Task<IReadOnlyList<IngestEntry>> ReadNewAsync(string consumer, int count) => ReadAsync(consumer, count, StreamPosition.NewMessages);

    /// <summary>Entries this consumer read before (for example before a crash) but never acknowledged.</summary>
    public Task<IReadOnlyList<IngestEntry>> ReadPendingAsync(string consumer, int count) => ReadAsync(consumer, count, StreamPosition.Beginning);

    /// <summary>Takes over entries another consumer read and left unacknowledged for longer than <paramref name="idle"/> (an instance that is gone).</summary>
    public async Task<IReadOnlyList<IngestEntry>> ClaimAbandonedAsync(string consumer, TimeSpan idle, int count)
    {
        var result = new List<IngestEntry>();
        foreach (var lane in new[] { IngestLane.Commands, IngestLane.Data })
        {
            var claimed = await Database.StreamAutoClaimAsync(KeyOf(lane), EaRedisKeys.IngestGroup, consumer, (long)idle.TotalMilliseconds,
                StreamPosition.Beginning, count).ConfigureAwait(false);
            AddEntries(result, lane, claimed.ClaimedEntries);
        }
        return result;
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

    private async Task<IReadOnlyList<IngestEntry>> ReadAsync(string consumer, int count, RedisValue position)
    {
        // One XREADGROUP over both lanes, so a waiting command response costs no extra round trip.
        var streams = await Database.StreamReadGroupAsync(
            [new StreamPosition(_commandKey, position), new StreamPosition(_dataKey, position)],
            EaRedisKeys.IngestGroup, consumer, count).ConfigureAwait(false);
        var result = new List<IngestEntry>();
        foreach (var stream in streams.OrderBy(s => s.Key == _commandKey ? 0 : 1))
        {
            AddEntries(result, stream.Key == _commandKey ? IngestLane.Commands : IngestLane.Data, stream.Entries);
        }
        return result;
    }

    private static void AddEntries(List<IngestEntry> result, IngestLane lane, StreamEntry[] entries)
    {
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
    }
}
