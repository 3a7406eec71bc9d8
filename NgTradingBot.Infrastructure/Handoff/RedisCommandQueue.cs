using NgTradingBot.Infrastructure.Redis;
using StackExchange.Redis;

namespace NgTradingBot.Infrastructure.Handoff;

/// <summary>
/// Per-account command queues in Redis. Every state change is one Lua script, so it is atomic: a
/// command is delivered at most once, a delivered command cannot be cancelled, and a command cannot
/// be enqueued twice. Dequeuing also appends a <see cref="IngestKinds.CommandDelivered"/> entry to the
/// ingest stream inside the same script, so Core learns of every delivery even if the gateway dies
/// right after popping.
/// </summary>
public sealed class RedisCommandQueue(RedisConnection redis)
{
    // Priority 0 (CRITICAL) sorts first; the sequence keeps FIFO order within a priority.
    private static readonly RedisScript Enqueue = new("""
        if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
        local seq = redis.call('INCR', KEYS[3])
        redis.call('HSET', KEYS[1], 'login', ARGV[2], 'state', 'queued', 'json', ARGV[4])
        redis.call('ZADD', KEYS[2], tonumber(ARGV[3]) * 10000000000000 + seq, ARGV[1])
        redis.call('PUBLISH', ARGV[5], ARGV[2])
        return 1
        """);

    // The command hashes are derived from the queued ids, which is fine on a single Redis server (no cluster).
    private static readonly RedisScript Dequeue = new("""
        local ids = redis.call('ZRANGE', KEYS[1], 0, tonumber(ARGV[2]) - 1)
        local out = {}
        for _, id in ipairs(ids) do
          redis.call('ZREM', KEYS[1], id)
          local key = 'ea:cmd:' .. id
          if redis.call('HGET', key, 'state') == 'queued' then
            redis.call('HSET', key, 'state', 'delivered')
            table.insert(out, redis.call('HGET', key, 'json'))
            local envelope = '{"login":' .. ARGV[1] .. ',"accountId":' .. ARGV[4] .. ',"receivedAt":' .. ARGV[3]
              .. ',"body":{"command_id":"' .. id .. '","via":"' .. ARGV[5] .. '"}}'
            redis.call('XADD', KEYS[2], '*', 'k', ARGV[6], 'p', envelope)
          end
        end
        return out
        """);

    private static readonly RedisScript Cancel = new("""
        local state = redis.call('HGET', KEYS[1], 'state')
        if state == 'queued' then
          redis.call('ZREM', KEYS[2], ARGV[1])
          redis.call('HSET', KEYS[1], 'state', 'cancelled')
          return 'cancelled'
        end
        return state or 'unknown'
        """);

    /// <returns>False when a command with this id was enqueued before (the call is then a no-op).</returns>
    public async Task<bool> EnqueueAsync(QueuedCommand command)
    {
        var result = await Enqueue.EvaluateAsync(redis.Database,
            [EaRedisKeys.Command(command.Id), EaRedisKeys.CommandQueue(command.Login), EaRedisKeys.CommandSequence],
            [command.Id, command.Login, command.Priority, command.FlatJson, EaRedisKeys.CommandsReadyChannel]).ConfigureAwait(false);
        return (int)result == 1;
    }

    /// <summary>Pops up to <paramref name="max"/> commands for delivery; returns their flat JSON objects.</summary>
    public async Task<IReadOnlyList<byte[]>> DequeueAsync(long login, long accountId, int max, string via)
    {
        var result = await Dequeue.EvaluateAsync(redis.Database,
            [EaRedisKeys.CommandQueue(login), EaRedisKeys.IngestStream],
            [login, max, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), accountId, via, IngestKinds.CommandDelivered]).ConfigureAwait(false);
        return result.IsNull ? [] : ((RedisValue[])result!).Select(v => (byte[])v!).ToList();
    }

    public async Task<CancelOutcome> CancelAsync(string commandId, long login)
    {
        var result = (string?)await Cancel.EvaluateAsync(redis.Database,
            [EaRedisKeys.Command(commandId), EaRedisKeys.CommandQueue(login)], [commandId]).ConfigureAwait(false);
        return result switch
        {
            "cancelled" => CancelOutcome.Cancelled,
            "delivered" => CancelOutcome.AlreadyDelivered,
            _ => CancelOutcome.Unknown,
        };
    }

    /// <summary>The login a command belongs to, or null if Redis does not know it.</summary>
    public async Task<long?> GetOwnerAsync(string commandId)
    {
        var login = await redis.Database.HashGetAsync(EaRedisKeys.Command(commandId), "login").ConfigureAwait(false);
        return login.IsNull ? null : (long)login;
    }

    /// <summary>A finished command's hash is kept a while for late responses, then expires.</summary>
    public Task RetireAsync(string commandId, TimeSpan keepFor) =>
        redis.Database.KeyExpireAsync(EaRedisKeys.Command(commandId), keepFor);

    public Task<long> PendingCountAsync(long login) => redis.Database.SortedSetLengthAsync(EaRedisKeys.CommandQueue(login));
}
