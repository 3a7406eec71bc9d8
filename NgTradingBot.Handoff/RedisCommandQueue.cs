using System.Globalization;
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
        redis.call('HSET', KEYS[1], 'login', ARGV[2], 'state', 'queued', 'json', ARGV[4], 'deadline', ARGV[7], 'expiry', ARGV[8])
        if ARGV[9] ~= '' then redis.call('HSET', KEYS[1], 'guard', ARGV[9]) end
        redis.call('ZADD', KEYS[2], tonumber(ARGV[3]) * 10000000000000 + tonumber(ARGV[6]), ARGV[1])
        redis.call('PUBLISH', ARGV[5], ARGV[2])
        return 1
        """;

    // The command hashes are derived from the queued ids, which is fine on a single Redis server (no cluster).
    // The delivery record's envelope is written by the caller; the script adds only the id it popped. A command
    // past its deadline, or whose price guard fails against the account's last posted quote (in KEYS[3], the field
    // ARGV[12] .. symbol), is not handed out: it is marked expired and an expiry record with the reason goes to the
    // command lane instead, its envelope the caller's prefix closed with the reason's JSON body. Any record written
    // is announced, so Core stores it at once.
    private const string DequeueScript = """
        local now = tonumber(ARGV[8])
        local function refusal(key)
          local deadline = tonumber(redis.call('HGET', key, 'deadline'))
          if deadline and now > deadline then return redis.call('HGET', key, 'expiry') end
          local guard = redis.call('HGET', key, 'guard')
          if not guard then return nil end
          local symbol, side, price, maxdev, maxage = string.match(guard, '^(%S+) (%S+) (%S+) (%S+) (%S+)$')
          local quote = redis.call('HGET', KEYS[3], ARGV[12] .. symbol)
          local bid, ask, at
          if quote then bid, ask, at = string.match(quote, '^(%S+) (%S+) (%S+)$') end
          if not at or now - tonumber(at) > tonumber(maxage) then
            return 'no quote of ' .. symbol .. ' in the last ' .. string.format('%.10g', tonumber(maxage) / 1000) .. ' s to check the price against'
          end
          local current = side == 'BUY' and tonumber(ask) or tonumber(bid)
          local moved = math.abs(current - tonumber(price))
          if moved > tonumber(maxdev) * (1 + 1e-9) then
            return 'price moved ' .. string.format('%.10g', moved) .. ' from ' .. price .. ' to ' .. string.format('%.10g', current)
              .. ' (' .. (side == 'BUY' and 'ask' or 'bid') .. '), more than the maximum deviation of ' .. maxdev
          end
          return nil
        end
        local ids = redis.call('ZRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1)
        local out = {}
        local recorded = false
        for _, id in ipairs(ids) do
          redis.call('ZREM', KEYS[1], id)
          local key = ARGV[2] .. id
          if redis.call('HGET', key, 'state') == 'queued' then
            local reason = refusal(key)
            if reason then
              redis.call('HSET', key, 'state', 'expired')
              redis.call('XADD', KEYS[2], '*', ARGV[3], ARGV[9], ARGV[5], ARGV[10] .. cjson.encode({reason = reason}) .. '}', ARGV[7], id)
            else
              redis.call('HSET', key, 'state', 'delivered')
              table.insert(out, redis.call('HGET', key, 'json'))
              redis.call('XADD', KEYS[2], '*', ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], id)
            end
            recorded = true
          end
        end
        if recorded then redis.call('PUBLISH', ARGV[11], '') end
        return out
        """;

    // Only the command's own account may answer it; the answer is appended and announced in one step.
    private const string AppendAnswerScript = """
        if redis.call('HGET', KEYS[1], 'login') ~= ARGV[1] then return false end
        local id = redis.call('XADD', KEYS[2], '*', ARGV[2], ARGV[3], ARGV[4], ARGV[5])
        redis.call('PUBLISH', ARGV[6], '')
        return id
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
        var limits = command.Limits;
        var result = await Database.ScriptEvaluateAsync(EnqueueScript,
            [EaRedisKeys.Command(command.Id), EaRedisKeys.CommandQueue(command.Login)],
            [command.Id, command.Login, command.Priority, command.FlatJson, EaRedisKeys.CommandsReadyChannel, command.Sequence,
             limits.Deadline.ToUnixTimeMilliseconds(), limits.ExpiryReason, GuardText(limits.Guard)]).ConfigureAwait(false);
        return (int)result == 1;
    }

    /// <summary>
    /// Pops up to <paramref name="max"/> commands for delivery; returns their flat JSON objects. Those past their
    /// <see cref="DeliveryLimits"/> at <paramref name="now"/> are not returned: they get an expiry record instead.
    /// </summary>
    public async Task<IReadOnlyList<byte[]>> DequeueAsync(long login, long accountId, int max, string via, DateTimeOffset now)
    {
        var delivery = new IngestEnvelope(login, accountId, now, null, JsonSerializer.SerializeToElement(new { via }));
        var result = await Database.ScriptEvaluateAsync(DequeueScript,
            [EaRedisKeys.CommandQueue(login), EaRedisKeys.CommandIngestStream, EaRedisKeys.Quotes],
            [max, EaRedisKeys.CommandKeyPrefix, IngestStream.KindField, IngestKinds.CommandDelivered,
             IngestStream.PayloadField, delivery.ToBytes(), IngestStream.CommandField, now.ToUnixTimeMilliseconds(),
             IngestKinds.CommandExpired, EnvelopePrefix(login, accountId, now), EaRedisKeys.CommandLaneAppendedChannel,
             EaRedisKeys.QuoteFieldPrefix(login)]).ConfigureAwait(false);
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
            "expired" => CancelOutcome.ExpiredAtDelivery,
            _ => CancelOutcome.Unknown,
        };
    }

    /// <summary>
    /// Appends the EA's answer to a command (<paramref name="wireId"/>, the attempt's id it was given) to the ingest's
    /// command lane, if the command is <paramref name="login"/>'s; false, with nothing appended, when it is unknown
    /// or another account's.
    /// </summary>
    public async Task<bool> AppendAnswerAsync(string wireId, long login, byte[] envelope)
    {
        var result = await Database.ScriptEvaluateAsync(AppendAnswerScript,
            [EaRedisKeys.Command(wireId), EaRedisKeys.CommandIngestStream],
            [login, IngestStream.KindField, IngestKinds.CommandResponse, IngestStream.PayloadField, envelope, EaRedisKeys.CommandLaneAppendedChannel]).ConfigureAwait(false);
        return !result.IsNull;
    }

    /// <summary>A finished command's hash is kept a while for late responses, then expires.</summary>
    public Task RetireAsync(string commandId, TimeSpan keepFor) =>
        Database.KeyExpireAsync(EaRedisKeys.Command(commandId), keepFor);

    private static string GuardText(PriceGuard? guard) => guard is null
        ? ""
        : string.Create(CultureInfo.InvariantCulture,
            $"{guard.Symbol} {(guard.Buy ? "BUY" : "SELL")} {guard.Price} {guard.MaxDeviation} {(long)guard.MaxQuoteAge.TotalMilliseconds}");

    /// <summary>An envelope up to its body, which the script writes: <c>{"login":..,"accountId":..,"receivedAt":..,"body":</c>.</summary>
    private static string EnvelopePrefix(long login, long accountId, DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $$"""{"login":{{login}},"accountId":{{accountId}},"receivedAt":{{at.ToUnixTimeMilliseconds()}},"body":""");

    public Task<long> PendingCountAsync(long login) => Database.SortedSetLengthAsync(EaRedisKeys.CommandQueue(login));
}
