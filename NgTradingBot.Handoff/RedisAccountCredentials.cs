using StackExchange.Redis;

namespace NgTradingBot.Handoff;

/// <summary>The credential hashes in Redis: written by Core, read by the gateway.</summary>
public sealed class RedisAccountCredentials(IConnectionMultiplexer redis)
{
    public async Task PublishAsync(AccountCredential credential)
    {
        var database = redis.GetDatabase();
        var writes = new List<Task>
        {
            database.HashSetAsync(EaRedisKeys.Credentials(credential.Login),
            [
                new HashEntry("account_id", credential.AccountId),
                new HashEntry("enrollment", credential.Enrollment.ToString()),
                new HashEntry("key_hash", credential.KeyHash ?? []),
                new HashEntry("prev_key_hash", credential.PreviousKeyHash ?? []),
                new HashEntry("prev_valid_until", credential.PreviousKeyValidUntil.ToUnixTimeMilliseconds()),
            ]),
        };
        if (credential.KeyHash is { } current)
        {
            writes.Add(database.StringSetAsync(EaRedisKeys.KeyOwner(current), credential.Login));
        }
        // The previous key's owner entry lives only as long as that key is still accepted.
        if (credential.PreviousKeyHash is { } previous)
        {
            var remaining = credential.PreviousKeyValidUntil - DateTimeOffset.UtcNow;
            writes.Add(remaining > TimeSpan.Zero
                ? database.StringSetAsync(EaRedisKeys.KeyOwner(previous), credential.Login, remaining)
                : database.KeyDeleteAsync(EaRedisKeys.KeyOwner(previous)));
        }
        await Task.WhenAll(writes).ConfigureAwait(false);
        // After the writes: a gateway that drops its cached copy on this message reads the new one.
        await redis.GetSubscriber().PublishAsync(RedisChannel.Literal(EaRedisKeys.CredentialsChangedChannel), credential.Login).ConfigureAwait(false);
    }

    /// <summary>The login a key hash was issued to; the caller must still authenticate the key itself.</summary>
    public async Task<long?> FindOwnerAsync(byte[] keyHash)
    {
        var login = await redis.GetDatabase().StringGetAsync(EaRedisKeys.KeyOwner(keyHash)).ConfigureAwait(false);
        return login.IsNull ? null : (long)login;
    }

    public async Task<AccountCredential?> GetAsync(long login)
    {
        var entries = await redis.GetDatabase().HashGetAllAsync(EaRedisKeys.Credentials(login)).ConfigureAwait(false);
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
