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
    // Answer times go to the hash of the report's minute as r<bucket> (requests) and h<bucket> (heartbeats).
    // Counters that did not move are not touched (a missing field reads as 0): Redis runs this alone, so each
    // call it saves is time every other client waits less.
    private const string ReportScript = """
        local buckets = tonumber(ARGV[1])
        local stride = 8 + 2 * buckets
        local requestFields, heartbeatFields = {}, {}
        for b = 1, buckets do
          requestFields[b] = 'r' .. (b - 1)
          heartbeatFields[b] = 'h' .. (b - 1)
        end
        for i = 1, #KEYS / 2 do
          local key = KEYS[2 * i - 1]
          local latency = KEYS[2 * i]
          local base = 1 + (i - 1) * stride
          if ARGV[base + 1] ~= '0' then redis.call('HINCRBY', key, 'answered', ARGV[base + 1]) end
          if ARGV[base + 2] ~= '0' then redis.call('HINCRBY', key, 'refused', ARGV[base + 2]) end
          if ARGV[base + 4] == '1' then
            redis.call('HSET', key, 'consecutive_refusals', ARGV[base + 3])
          elseif ARGV[base + 3] ~= '0' then
            redis.call('HINCRBY', key, 'consecutive_refusals', ARGV[base + 3])
          end
          local last = tonumber(redis.call('HGET', key, 'last_request_ms') or '0')
          if tonumber(ARGV[base + 5]) > last then redis.call('HSET', key, 'last_request_ms', ARGV[base + 5]) end
          if ARGV[base + 6] ~= '' then redis.call('HSET', key, 'last_refusal', ARGV[base + 6]) end
          if ARGV[base + 7] ~= '0' then
            redis.call('HINCRBY', key, 'heartbeats', ARGV[base + 7])
            redis.call('HINCRBYFLOAT', key, 'heartbeat_ms', ARGV[base + 8])
          end
          local timed = false
          for b = 1, buckets do
            local requests = ARGV[base + 8 + b]
            local beats = ARGV[base + 8 + buckets + b]
            if requests ~= '0' then redis.call('HINCRBY', latency, requestFields[b], requests); timed = true end
            if beats ~= '0' then redis.call('HINCRBY', latency, heartbeatFields[b], beats); timed = true end
          end
          if timed then redis.call('EXPIRE', latency, 10800) end
        end
        return #KEYS / 2
        """;

    private static readonly RedisValue[] Fields =
        ["answered", "refused", "consecutive_refusals", "last_request_ms", "last_refusal", "heartbeats", "heartbeat_ms"];

    public async Task ReportAsync(IReadOnlyCollection<TrafficReport> reports)
    {
        if (reports.Count == 0)
        {
            return;
        }
        var keys = reports.SelectMany(r => new RedisKey[]
        {
            EaRedisKeys.Traffic(r.Login), EaRedisKeys.Latency(r.Login, r.LastRequestAt.ToUnixTimeSeconds() / 60),
        }).ToArray();
        RedisValue[] buckets = [LatencyHistogram.BucketCount];
        var values = buckets.Concat(reports.SelectMany(r => new RedisValue[]
        {
            r.Answered, r.Refused, r.RefusedSinceAnswered, r.AnsweredAny ? "1" : "0", r.LastRequestAt.ToUnixTimeMilliseconds(),
            r.LastRefusal ?? "", r.Heartbeats, r.HeartbeatMilliseconds,
        }.Concat(r.RequestLatency.Select(c => (RedisValue)c)).Concat(r.HeartbeatLatency.Select(c => (RedisValue)c)))).ToArray();
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

    /// <summary>The window latency percentiles cover: the current minute and the four before it.</summary>
    public static readonly TimeSpan LatencyWindow = TimeSpan.FromMinutes(5);

    /// <summary>Each login's answer times over <see cref="LatencyWindow"/> up to <paramref name="now"/>; the reads go out pipelined.</summary>
    public async Task<IReadOnlyDictionary<long, AccountLatency>> GetLatencyAsync(IReadOnlyCollection<long> logins, DateTimeOffset now)
    {
        var database = redis.GetDatabase();
        var minute = now.ToUnixTimeSeconds() / 60;
        var minutes = (int)LatencyWindow.TotalMinutes;
        var reads = logins.Select(login => (login, values: Enumerable.Range(0, minutes)
            .Select(back => database.HashGetAllAsync(EaRedisKeys.Latency(login, minute - back))).ToList())).ToList();
        var result = new Dictionary<long, AccountLatency>();
        foreach (var (login, minuteReads) in reads)
        {
            var requests = new LatencyHistogram();
            var heartbeats = new LatencyHistogram();
            foreach (var read in minuteReads)
            {
                foreach (var entry in await read.ConfigureAwait(false))
                {
                    var name = (string)entry.Name!;
                    if (name.Length > 1 && int.TryParse(name.AsSpan(1), out var bucket) && bucket is >= 0 && bucket < LatencyHistogram.BucketCount)
                    {
                        (name[0] == 'h' ? heartbeats : requests).Counts[bucket] += (long)entry.Value;
                    }
                }
            }
            result[login] = new AccountLatency(LatencyPercentiles.Of(requests), LatencyPercentiles.Of(heartbeats));
        }
        return result;
    }

    private static long Long(RedisValue value) => value.IsNull ? 0 : (long)value;
}
