using StackExchange.Redis;

namespace NgTradingBot.Infrastructure.Redis;

internal sealed class RedisStreams(RedisConnection redis) : IRedisStreams
{
    private static readonly RedisScript Append = new("return redis.call('XADD', KEYS[1], '*', 'k', ARGV[1], 'p', ARGV[2])");

    private static readonly RedisScript CreateGroup = new("""
        local ok, err = pcall(redis.call, 'XGROUP', 'CREATE', KEYS[1], ARGV[1], '0', 'MKSTREAM')
        if ok or string.find(tostring(err), 'BUSYGROUP') then return 1 end
        return redis.error_reply(tostring(err))
        """);

    private static readonly RedisScript ReadGroup = new("""
        local r = redis.call('XREADGROUP', 'GROUP', ARGV[1], ARGV[2], 'COUNT', ARGV[3], 'STREAMS', KEYS[1], ARGV[4])
        if not r then return {} end
        return r[1][2]
        """);

    private static readonly RedisScript AckAndDelete = new("""
        redis.call('XACK', KEYS[1], ARGV[1], unpack(ARGV, 2))
        return redis.call('XDEL', KEYS[1], unpack(ARGV, 2))
        """);

    private static readonly RedisScript Length = new("return redis.call('XLEN', KEYS[1])");

    public async Task<string> AppendAsync(string stream, string kind, byte[] payload) =>
        (string)(await Append.EvaluateAsync(redis.Database, [stream], [kind, payload]).ConfigureAwait(false))!;

    public Task EnsureConsumerGroupAsync(string stream, string group) =>
        CreateGroup.EvaluateAsync(redis.Database, [stream], [group]);

    public async Task<IReadOnlyList<StreamMessage>> ReadAsync(string stream, string group, string consumer, int count, bool pendingOnly = false)
    {
        var result = await ReadGroup.EvaluateAsync(redis.Database, [stream], [group, consumer, count, pendingOnly ? "0" : ">"]).ConfigureAwait(false);
        var entries = (RedisResult[])result!;
        var messages = new List<StreamMessage>(entries.Length);
        foreach (var entry in entries)
        {
            var parts = (RedisResult[])entry!;
            // A pending entry deleted meanwhile comes back with nil fields: nothing left to process.
            if (parts[1].IsNull)
            {
                continue;
            }
            var fields = (RedisValue[])parts[1]!;
            string kind = string.Empty;
            byte[] payload = [];
            for (var i = 0; i + 1 < fields.Length; i += 2)
            {
                switch ((string?)fields[i])
                {
                    case "k": kind = (string?)fields[i + 1] ?? string.Empty; break;
                    case "p": payload = (byte[]?)fields[i + 1] ?? []; break;
                }
            }
            messages.Add(new StreamMessage((string)parts[0]!, kind, payload));
        }
        return messages;
    }

    public async Task AcknowledgeAsync(string stream, string group, IReadOnlyCollection<string> ids)
    {
        if (ids.Count == 0)
        {
            return;
        }
        var values = new RedisValue[ids.Count + 1];
        values[0] = group;
        var i = 1;
        foreach (var id in ids)
        {
            values[i++] = id;
        }
        await AckAndDelete.EvaluateAsync(redis.Database, [stream], values).ConfigureAwait(false);
    }

    public async Task<long> LengthAsync(string stream) =>
        (long)(await Length.EvaluateAsync(redis.Database, [stream], []).ConfigureAwait(false));
}
