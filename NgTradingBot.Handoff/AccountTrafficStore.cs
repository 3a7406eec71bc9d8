using StackExchange.Redis;

namespace NgTradingBot.Handoff;

/// <summary>
/// Per-account request counters in Redis: written by every gateway (each adds its own reports), read by Core's
/// connection health. Every request counts, including the 50 ms command polls that never reach the ingest
/// stream, so an EA on a closed market (no quotes, no heartbeats) is still seen alive.
/// </summary>
public sealed class AccountTrafficStore(IConnectionMultiplexer redis)
{
    // Counters add up across gateways; the latest request time only moves forward. A report with an answered
    // request restarts the run of refusals at the refusals that came after it.
    private const string ReportScript = """
        for i, key in ipairs(KEYS) do
          local base = (i - 1) * 8
          redis.call('HINCRBY', key, 'answered', ARGV[base + 1])
          redis.call('HINCRBY', key, 'refused', ARGV[base + 2])
          if ARGV[base + 4] == '1' then
            redis.call('HSET', key, 'consecutive_refusals', ARGV[base + 3])
          else
            redis.call('HINCRBY', key, 'consecutive_refusals', ARGV[base + 3])
          end
          local last = tonumber(redis.call('HGET', key, 'last_request_ms') or '0')
          if tonumber(ARGV[base + 5]) > last then redis.call('HSET', key, 'last_request_ms', ARGV[base + 5]) end
          if ARGV[base + 6] ~= '' then redis.call('HSET', key, 'last_refusal', ARGV[base + 6]) end
          redis.call('HINCRBY', key, 'heartbeats', ARGV[base + 7])
          redis.call('HINCRBYFLOAT', key, 'heartbeat_ms', ARGV[base + 8])
        end
        return #KEYS
        """;

    private static readonly RedisValue[] Fields =
        ["answered", "refused", "consecutive_refusals", "last_request_ms", "last_refusal", "heartbeats", "heartbeat_ms"];

    public async Task ReportAsync(IReadOnlyCollection<TrafficReport> reports)
    {
        if (reports.Count == 0)
        {
            return;
        }
        var keys = reports.Select(r => (RedisKey)EaRedisKeys.Traffic(r.Login)).ToArray();
        var values = reports.SelectMany(r => new RedisValue[]
        {
            r.Answered, r.Refused, r.RefusedSinceAnswered, r.AnsweredAny ? "1" : "0", r.LastRequestAt.ToUnixTimeMilliseconds(),
            r.LastRefusal ?? "", r.Heartbeats, r.HeartbeatMilliseconds,
        }).ToArray();
        await redis.GetDatabase().ScriptEvaluateAsync(ReportScript, keys, values).ConfigureAwait(false);
    }

    /// <summary>The traffic of each login that has any; the reads go out pipelined.</summary>
    public async Task<IReadOnlyDictionary<long, AccountTraffic>> GetAsync(IReadOnlyCollection<long> logins)
    {
        var database = redis.GetDatabase();
        var reads = logins.Select(login => (login, values: database.HashGetAsync(EaRedisKeys.Traffic(login), Fields))).ToList();
        var result = new Dictionary<long, AccountTraffic>();
        foreach (var (login, read) in reads)
        {
            var v = await read.ConfigureAwait(false);
            if (v[0].IsNull && v[3].IsNull)
            {
                continue;
            }
            result[login] = new AccountTraffic(login, Long(v[0]), Long(v[1]), Long(v[2]),
                v[3].IsNull ? null : DateTimeOffset.FromUnixTimeMilliseconds(Long(v[3])),
                v[4].IsNullOrEmpty ? null : (string?)v[4], Long(v[5]), v[6].IsNull ? 0 : (double)v[6]);
        }
        return result;
    }

    private static long Long(RedisValue value) => value.IsNull ? 0 : (long)value;
}
