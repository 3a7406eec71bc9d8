using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NgTradingBot.Core.Access;

/// <summary>
/// A strategy's API key: only its SHA-256 hash is stored, with what it may do (scopes) and on which accounts
/// (logins; none means every account). A revoked key stays for the audit trail.
/// </summary>
public sealed class StrategyKey
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>The secret's first characters, so an operator can tell keys apart without the secret.</summary>
    public string Prefix { get; set; } = "";
    public byte[] Hash { get; set; } = [];
    public string[] Scopes { get; set; } = [];
    /// <summary>The logins the key may act on; null: every account.</summary>
    public long[]? Logins { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RotatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

public sealed class StrategyKeyConfiguration : IEntityTypeConfiguration<StrategyKey>
{
    public void Configure(EntityTypeBuilder<StrategyKey> builder)
    {
        builder.ToTable("strategy_keys", table =>
            table.HasCheckConstraint("strategy_keys_scopes_check", "scopes <@ ARRAY['trade', 'read']::text[] AND cardinality(scopes) > 0"));
        builder.HasKey(k => k.Id).HasName("strategy_keys_pkey");
        builder.HasIndex(k => k.Hash).IsUnique().HasDatabaseName("strategy_keys_hash_key");
        builder.Property(k => k.CreatedAt).HasDefaultValueSql("now()");
    }
}
