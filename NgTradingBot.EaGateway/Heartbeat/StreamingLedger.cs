using Microsoft.Extensions.Options;
using NgTradingBot.Handoff;
using StackExchange.Redis;

namespace NgTradingBot.EaGateway.Heartbeat;

public enum RecoveryCheck { NotDue, Due, WouldShrink }

/// <summary>
/// What the gateways saw of each login, in Redis so that every gateway decides alike (an EA sends its ticks to a
/// hard-coded address and its heartbeats to <c>ServerURL</c>: they may reach different gateways): when its session
/// began (its last connect), when its first heartbeat of that session came, when it last posted ticks, and the
/// longest symbol list any gateway ever served it. Times are Redis's clock, so gateways' clocks need not agree.
/// </summary>
public sealed class StreamingLedger(IConnectionMultiplexer redis, IOptions<HeartbeatOptions> options)
{
    private const string Now = """
        local clock = redis.call('TIME')
        local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
        local nowText = string.format('%.0f', now)
        """;

    private const string ConnectScript = Now + """
        redis.call('HSET', KEYS[1], 'session', nowText)
        redis.call('HDEL', KEYS[1], 'first_beat')
        redis.call('EXPIRE', KEYS[1], ARGV[1])
        """;

    private const string TicksScript = Now + """
        if now > tonumber(redis.call('HGET', KEYS[1], 'ticks') or '0') then
          redis.call('HSET', KEYS[1], 'ticks', nowText)
        end
        redis.call('EXPIRE', KEYS[1], ARGV[1])
        """;

    private const string ServedScript = Now + """
        redis.call('HSETNX', KEYS[1], 'session', nowText)
        if tonumber(ARGV[1]) > tonumber(redis.call('HGET', KEYS[1], 'served') or '0') then
          redis.call('HSET', KEYS[1], 'served', ARGV[1])
        end
        redis.call('HSET', KEYS[1], 'served_session', redis.call('HGET', KEYS[1], 'session'))
        redis.call('EXPIRE', KEYS[1], ARGV[2])
        """;

    // 0: not due, 1: due (or claimed, when a list length is given), 2: the list would be shorter than one served before,
    // which withholds it for the rest of the session (Core is not asked again on every heartbeat).
    // A heartbeat without a connect seen (a gateway restart, an expired hash) starts the session itself.
    private const string HeartbeatScript = Now + """
        redis.call('HSETNX', KEYS[1], 'session', nowText)
        redis.call('HSETNX', KEYS[1], 'first_beat', nowText)
        redis.call('EXPIRE', KEYS[1], ARGV[3])
        local session = tonumber(redis.call('HGET', KEYS[1], 'session'))
        local first = tonumber(redis.call('HGET', KEYS[1], 'first_beat'))
        local ticks = tonumber(redis.call('HGET', KEYS[1], 'ticks') or '0')
        local servedSession = tonumber(redis.call('HGET', KEYS[1], 'served_session') or '-1')
        local withheldSession = tonumber(redis.call('HGET', KEYS[1], 'withheld_session') or '-1')
        if ticks >= session or servedSession == session or withheldSession == session or now - first < tonumber(ARGV[1]) then return 0 end
        local count = tonumber(ARGV[2])
        if count < 0 then return 1 end
        if count < tonumber(redis.call('HGET', KEYS[1], 'served') or '0') then
          redis.call('HSET', KEYS[1], 'withheld_session', redis.call('HGET', KEYS[1], 'session'))
          return 2
        end
        redis.call('HSET', KEYS[1], 'served', ARGV[2], 'served_session', redis.call('HGET', KEYS[1], 'session'))
        return 1
        """;

    private IDatabase Database => redis.GetDatabase();

    private long Retention => (long)options.Value.ObservationRetention.TotalSeconds;

    /// <summary>A connect answered 200: a new session, whose silence is counted from its first heartbeat.</summary>
    public Task ConnectedAsync(long login) =>
        Database.ScriptEvaluateAsync(ConnectScript, [EaRedisKeys.Streaming(login)], [Retention]);

    /// <summary>The login posted ticks. Fire and forget: a lost note is made good by the next one.</summary>
    public void TicksPosted(long login) =>
        Database.ScriptEvaluate(TicksScript, [EaRedisKeys.Streaming(login)], [Retention], CommandFlags.FireAndForget);

    /// <summary>A non-empty list is about to be served by /api/symbols; noted before the answer goes out.</summary>
    public Task ServedAsync(long login, int count) =>
        Database.ScriptEvaluateAsync(ServedScript, [EaRedisKeys.Streaming(login)], [count, Retention]);

    /// <summary>Whether a heartbeat should carry the list (given its length: claim it, atomically, for this session).</summary>
    public async Task<RecoveryCheck> HeartbeatAsync(long login, int? listLength)
    {
        var result = (int)await Database.ScriptEvaluateAsync(HeartbeatScript, [EaRedisKeys.Streaming(login)],
            [(long)options.Value.TickSilence.TotalMilliseconds, listLength ?? -1, Retention]);
        return result switch
        {
            1 => RecoveryCheck.Due,
            2 => RecoveryCheck.WouldShrink,
            _ => RecoveryCheck.NotDue,
        };
    }
}
