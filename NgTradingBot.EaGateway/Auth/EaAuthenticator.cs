using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using NgTradingBot.EaProtocol.Auth;
using NgTradingBot.EaProtocol.Keys;
using NgTradingBot.EaProtocol.Requests;
using NgTradingBot.Handoff;

namespace NgTradingBot.EaGateway.Auth;

/// <summary>
/// Checks an EA's login and key against the hashes Core publishes in Redis. A credential is reused
/// from memory for a short while (one Redis read per request would cost most of a core at full load),
/// but a key that does not match the cached copy is checked once more against Redis, so a key Core
/// issued a moment ago works at once.
/// </summary>
public sealed class EaAuthenticator(RedisAccountCredentials credentials, IOptions<EaGatewayOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<long, (AccountCredential? Credential, DateTimeOffset ReadAt)> _cache = new();

    /// <summary>Counts the changes announced so far, so a read that overlapped one is not cached.</summary>
    private long _changes;

    public async Task<(AuthenticatedEa? Ea, EaError? Error)> AuthenticateAsync(EaCredentials presented, int wrongKeyStatus)
    {
        var credential = await GetAsync(presented.Account, fresh: false);
        if (credential is null || !Matches(credential, presented.ApiKey))
        {
            credential = await GetAsync(presented.Account, fresh: true);
        }
        if (credential is null || !Matches(credential, presented.ApiKey))
        {
            return (null, new EaError(wrongKeyStatus, EaError.InvalidCredentials.Message));
        }
        return credential.Enrollment switch
        {
            Enrollment.Active => (new AuthenticatedEa(credential.Login, credential.AccountId), null),
            Enrollment.Pending => (null, new EaError(wrongKeyStatus, "Account is awaiting operator approval")),
            _ => (null, new EaError(wrongKeyStatus, "Account is blocked")),
        };
    }

    /// <summary>
    /// The account behind a key presented without a login (the coverage request), or null when the key
    /// is unknown or no longer valid.
    /// </summary>
    public async Task<AuthenticatedEa?> IdentifyAsync(string? key)
    {
        if (!ApiKeyFormat.IsWellFormed(key) || await credentials.FindOwnerAsync(ApiKeyHasher.Hash(key)) is not { } login)
        {
            return null;
        }
        var (ea, _) = await AuthenticateAsync(new EaCredentials(login, key), StatusCodes.Status401Unauthorized);
        return ea;
    }

    /// <summary>Forgets a login's cached credential (after this gateway relayed a connect that issued a key).</summary>
    public void Forget(long login)
    {
        Interlocked.Increment(ref _changes);
        _cache.TryRemove(login, out _);
    }

    public void ForgetAll()
    {
        Interlocked.Increment(ref _changes);
        _cache.Clear();
    }

    private bool Matches(AccountCredential credential, string key)
    {
        if (!ApiKeyFormat.IsWellFormed(key))
        {
            return false;
        }
        // Both comparisons always run, so timing does not tell which hash matched.
        var current = credential.KeyHash is { } hash && ApiKeyHasher.Verify(key, hash);
        var previous = credential.PreviousKeyHash is { } old && ApiKeyHasher.Verify(key, old)
            && time.GetUtcNow() < credential.PreviousKeyValidUntil;
        return current | previous;
    }

    private async Task<AccountCredential?> GetAsync(long login, bool fresh)
    {
        var now = time.GetUtcNow();
        if (!fresh && _cache.TryGetValue(login, out var cached) && now - cached.ReadAt < options.Value.CredentialCacheTime)
        {
            return cached.Credential;
        }
        var changes = Volatile.Read(ref _changes);
        var credential = await credentials.GetAsync(login);
        var entry = (credential, now);
        _cache[login] = entry;
        // A block announced while the read was in flight may be newer than what it returned: then the copy is used
        // for this request only. (Checked after the store: a Forget that counts later removes the copy itself.)
        if (Volatile.Read(ref _changes) != changes)
        {
            _cache.TryRemove(KeyValuePair.Create(login, entry));
        }
        return credential;
    }
}
