using System.Text.Json;
using StackExchange.Redis;

namespace NgTradingBot.Handoff;

/// <summary>
/// Per-account command queues in Redis. Every state change is one Lua script, so it is atomic: a
/// command is delivered at most once, a delivered command cannot be cancelled, and a command cannot
/// be enqueued twice. Dequeuing also appends a <see cref="IngestKinds.CommandDelivered"/> record to the
/// ingest's command lane inside the same script, so Core learns of every delivery even if the gateway dies
/// right after popping.
/// </summary>
public sealed class RedisCommandQueue(IConnectionMultiplexer redis)
{
    // Priority 0 (CRITICAL) sorts first; the creation sequence keeps FIFO order within a priority. Scores stay below
    // 2^53 (exact in a double) while the sequence is below 10^13.
    private const string EnqueueScript = """
        if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
        redis.call('HSET', KEYS[1], 'login', ARGV[2], 'state', 'queued', 'json', ARGV[4])
        redis.call('ZADD', KEYS[2], tonumber(ARGV[3]) * 10000000000000 + tonumber(ARGV[6]), ARGV[1])
        redis.call('PUBLISH', ARGV[5], ARGV[2])
        return 1
        """;

    // The command hashes are derived from the queued ids, which is fine on a single Redis server (no cluster).
    // The delivery record's envelope is written by the caller; the script adds only the id it popped.
    private const string DequeueScript = """
        local ids = redis.call('ZRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1)
        local out = {}
        for _, id in ipairs(ids) do
          redis.call('ZREM', KEYS[1], id)
          local key = ARGV[2] .. id
          if redis.call('HGET', key, 'state') == 'queued' then
            redis.call('HSET', key, 'state', 'delivered')
            table.insert(out, redis.call('HGET', key, 'json'))
            redis.call('XADD', KEYS[2], '*', ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], id)
          end
        end
        return out
        """;

    private const string CancelScript = """
        local state = redis.call('HGET', KEYS[1], 'state')
        if state == 'queued' then
          redis.call('ZREM', KEYS[2], ARGV[1])
          redis.call('HSET', KEYS[1], 'state', 'cancelled')
          return 'cancelled'
        end
        return state or 'unknown'
        """;

    private IDatabase Database => redis.GetDatabase();

    /// <returns>False when a command with this id was enqueued before (the call is then a no-op).</returns>
    public async Task<bool> EnqueueAsync(QueuedCommand command)
    {
        var result = await Database.ScriptEvaluateAsync(EnqueueScript,
            [EaRedisKeys.Command(command.Id), EaRedisKeys.CommandQueue(command.Login)],
            [command.Id, command.Login, command.Priority, command.FlatJson, EaRedisKeys.CommandsReadyChannel, command.Sequence]).ConfigureAwait(false);
        return (int)result == 1;
    }

    /// <summary>Pops up to <paramref name="max"/> commands for delivery; returns their flat JSON objects.</summary>
    public async Task<IReadOnlyList<byte[]>> DequeueAsync(long login, long accountId, int max, string via, DateTimeOffset now)
    {
        var delivery = new IngestEnvelope(login, accountId, now, null, JsonSerializer.SerializeToElement(new { via }));
        var result = await Database.ScriptEvaluateAsync(DequeueScript,
            [EaRedisKeys.CommandQueue(login), EaRedisKeys.CommandIngestStream],
            [max, EaRedisKeys.CommandKeyPrefix, IngestStream.KindField, IngestKinds.CommandDelivered,
             IngestStream.PayloadField, delivery.ToBytes(), IngestStream.CommandField]).ConfigureAwait(false);
        return result.IsNull ? [] : ((RedisValue[])result!).Select(v => (byte[])v!).ToList();
    }

    public async Task<CancelOutcome> CancelAsync(string commandId, long login)
    {
        var result = (string?)await Database.ScriptEvaluateAsync(CancelScript,
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
        var login = await Database.HashGetAsync(EaRedisKeys.Command(commandId), "login").ConfigureAwait(false);
        return login.IsNull ? null : (long)login;
    }

    /// <summary>A finished command's hash is kept a while for late responses, then expires.</summary>
    public Task RetireAsync(string commandId, TimeSpan keepFor) =>
        Database.KeyExpireAsync(EaRedisKeys.Command(commandId), keepFor);

    public Task<long> PendingCountAsync(long login) => Database.SortedSetLengthAsync(EaRedisKeys.CommandQueue(login));
}
