using NgTradingBot.Infrastructure.Redis;
using StackExchange.Redis;

namespace NgTradingBot.Infrastructure.Handoff;

/// <summary>The credential hashes in Redis: written by Core, read by the gateway.</summary>
public sealed class RedisAccountCredentials(RedisConnection redis)
{
    public Task PublishAsync(AccountCredential credential) =>
        redis.Database.HashSetAsync(EaRedisKeys.Credentials(credential.Login),
        [
            new HashEntry("account_id", credential.AccountId),
            new HashEntry("enrollment", credential.Enrollment.ToString()),
            new HashEntry("key_hash", credential.KeyHash ?? []),
            new HashEntry("prev_key_hash", credential.PreviousKeyHash ?? []),
            new HashEntry("prev_valid_until", credential.PreviousKeyValidUntil.ToUnixTimeMilliseconds()),
        ]);

    public async Task<AccountCredential?> GetAsync(long login)
    {
        var entries = await redis.Database.HashGetAllAsync(EaRedisKeys.Credentials(login)).ConfigureAwait(false);
        if (entries.Length == 0)
        {
            return null;
        }
        var fields = entries.ToDictionary(e => (string)e.Name!, e => e.Value);
        return new AccountCredential(
            login,
            (long)fields["account_id"],
            Enum.Parse<Enrollment>((string)fields["enrollment"]!),
            NullIfEmpty((byte[]?)fields["key_hash"]),
            NullIfEmpty((byte[]?)fields["prev_key_hash"]),
            DateTimeOffset.FromUnixTimeMilliseconds((long)fields["prev_valid_until"]));
    }

    private static byte[]? NullIfEmpty(byte[]? value) => value is { Length: > 0 } ? value : null;
}
