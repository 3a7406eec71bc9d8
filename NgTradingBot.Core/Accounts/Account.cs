using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NgTradingBot.Handoff;

namespace NgTradingBot.Core.Accounts;

/// <summary>An MT5 login and what its EA last reported about it. Keys are stored only as SHA-256 hashes.</summary>
public sealed class Account
{
    public long Id { get; set; }
    public long Login { get; set; }
    public string Broker { get; set; } = "";
    /// <summary>pending, active or blocked.</summary>
    public string Enrollment { get; set; } = "active";
    public byte[]? ApiKeyHash { get; set; }
    public DateTimeOffset? ApiKeyIssuedAt { get; set; }
    /// <summary>The key before the last connect, valid until <see cref="PreviousKeyValidUntil"/> so requests already sent with it still pass.</summary>
    public byte[]? PreviousApiKeyHash { get; set; }
    public DateTimeOffset? PreviousKeyValidUntil { get; set; }
    public decimal? Balance { get; set; }
    public decimal? Equity { get; set; }
    public decimal? Margin { get; set; }
    public decimal? FreeMargin { get; set; }
    public decimal? ProfitToday { get; set; }
    public decimal? ProfitWeek { get; set; }
    public decimal? ProfitMonth { get; set; }
    public decimal? ProfitYear { get; set; }
    public decimal? DepositsToday { get; set; }
    public decimal? DepositsWeek { get; set; }
    public decimal? DepositsMonth { get; set; }
    public decimal? DepositsYear { get; set; }
    /// <summary>Broker time (seconds, the terminal's clock) of the state above.</summary>
    public long? StateBrokerTime { get; set; }
    public DateTimeOffset? StateUpdatedAt { get; set; }
    /// <summary>The time of the account's latest <see cref="MarketData.EquitySample"/>: the next is due an interval later.</summary>
    public DateTimeOffset? EquitySampledAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>What the gateway authenticates this account's EA with (published to Redis).</summary>
    public AccountCredential ToCredential() => new(
        Login, Id, AccountEnrollment.ToCredential(Enrollment), ApiKeyHash, PreviousApiKeyHash, PreviousKeyValidUntil ?? DateTimeOffset.UnixEpoch);
}

public sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.ToTable("accounts", table => table.HasCheckConstraint("accounts_enrollment_check", "enrollment IN ('pending', 'active', 'blocked')"));
        builder.HasKey(a => a.Id).HasName("accounts_pkey");
        builder.Property(a => a.Id).UseSerialColumn();
        builder.HasAlternateKey(a => a.Login).HasName("accounts_login_key");
        builder.Property(a => a.Broker).HasDefaultValue("");
        builder.Property(a => a.Enrollment).HasDefaultValue("active");
        foreach (var money in new[]
                 {
                     nameof(Account.Balance), nameof(Account.Equity), nameof(Account.Margin), nameof(Account.FreeMargin),
                     nameof(Account.ProfitToday), nameof(Account.ProfitWeek), nameof(Account.ProfitMonth), nameof(Account.ProfitYear),
                     nameof(Account.DepositsToday), nameof(Account.DepositsWeek), nameof(Account.DepositsMonth), nameof(Account.DepositsYear),
                 })
        {
            builder.Property(money).HasPrecision(20, 2);
        }
        builder.Property(a => a.CreatedAt).HasDefaultValueSql("now()");
        builder.Property(a => a.UpdatedAt).HasDefaultValueSql("now()");
    }
}
