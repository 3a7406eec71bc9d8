using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NgTradingBot.Core.Audit;
using NgTradingBot.Core.Persistence;

namespace NgTradingBot.Core.Access;

/// <summary>
/// Creates, lists, rotates and revokes strategy keys (an operator's work, each audited), and finds the key a
/// request presents. Lookups are cached briefly: an order burst must not cost a query per order.
/// </summary>
public sealed class StrategyKeys(IDbContextFactory<TradingDbContext> contexts, IOptions<AccessOptions> options, TimeProvider clock)
{
    public const int MaxNameLength = 100;
    public const int MaxLogins = 1000;

    private readonly StrategyKeyCache _cache = new(clock, options.Value.KeyCacheFor);

    /// <summary>What a key is, as the operator sees it: never its secret.</summary>
    public sealed record KeyView(string Id, string Name, string Prefix, IReadOnlyList<string> Scopes, IReadOnlyList<long>? Accounts,
        DateTime CreatedAt, DateTime? RotatedAt, DateTime? RevokedAt);

    /// <summary>A key with its secret, shown once: when it is created or rotated.</summary>
    public sealed record IssuedKey(KeyView Key, string Secret);

    public async Task<IssuedKey> CreateAsync(string name, IReadOnlyList<string> scopes, IReadOnlyList<long>? logins, CancellationToken cancellationToken)
    {
        var secret = KeySecrets.NewStrategySecret();
        var key = new StrategyKey
        {
            Id = KeySecrets.NewKeyId(),
            Name = name,
            Prefix = secret[..KeySecrets.PrefixShown],
            Hash = KeySecrets.Hash(secret),
            Scopes = [.. scopes],
            Logins = logins is null ? null : [.. logins],
            CreatedAt = clock.GetUtcNow(),
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.StrategyKeys.Add(key);
        db.AuditEvents.Add(AuditEvent.Of(AuditLog.Operator, "key.created", null, key.Id, new { name, scopes, accounts = logins }));
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedKey(View(key), secret);
    }

    public async Task<IReadOnlyList<KeyView>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var keys = await db.StrategyKeys.AsNoTracking().OrderBy(k => k.CreatedAt).ToListAsync(cancellationToken);
        return keys.Select(View).ToList();
    }

    /// <summary>A new secret for the same key (same id, scopes and accounts); the old secret stops working. Null: unknown or revoked.</summary>
    public async Task<IssuedKey?> RotateAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = await db.StrategyKeys.SingleOrDefaultAsync(k => k.Id == id && k.RevokedAt == null, cancellationToken);
        if (key is null)
        {
            return null;
        }

        var oldHash = key.Hash;
        var secret = KeySecrets.NewStrategySecret();
        key.Prefix = secret[..KeySecrets.PrefixShown];
        key.Hash = KeySecrets.Hash(secret);
        key.RotatedAt = clock.GetUtcNow();
        db.AuditEvents.Add(AuditEvent.Of(AuditLog.Operator, "key.rotated", null, key.Id, new { key.Name }));
        await db.SaveChangesAsync(cancellationToken);
        _cache.Forget(oldHash);
        return new IssuedKey(View(key), secret);
    }

    /// <summary>The revoked key; null when unknown. Revoking twice keeps the first time.</summary>
    public async Task<KeyView?> RevokeAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = await db.StrategyKeys.SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null)
        {
            return null;
        }

        if (key.RevokedAt is null)
        {
            key.RevokedAt = clock.GetUtcNow();
            db.AuditEvents.Add(AuditEvent.Of(AuditLog.Operator, "key.revoked", null, key.Id, new { key.Name }));
            await db.SaveChangesAsync(cancellationToken);
        }
        _cache.Forget(key.Hash);
        return View(key);
    }

    /// <summary>The live key with this secret's hash, or null (unknown or revoked).</summary>
    public async Task<StrategyKey?> FindAsync(byte[] hash, CancellationToken cancellationToken)
    {
        if (_cache.TryGet(hash, out var cached))
        {
            return cached;
        }

        var ticket = _cache.Ticket;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = await db.StrategyKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Hash == hash && k.RevokedAt == null, cancellationToken);
        _cache.Store(hash, key, ticket);
        return key;
    }

    private static KeyView View(StrategyKey key) => new(key.Id, key.Name, key.Prefix, key.Scopes, key.Logins,
        key.CreatedAt.UtcDateTime, key.RotatedAt?.UtcDateTime, key.RevokedAt?.UtcDateTime);
}
