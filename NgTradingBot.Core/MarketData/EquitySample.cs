using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NgTradingBot.Core.Accounts;

namespace NgTradingBot.Core.MarketData;

/// <summary>
/// An account's balance, equity, margin and floating profit at one moment: the equity curve. Written by the ingest
/// path at most once per <see cref="MarketDataOptions.EquitySampleInterval"/> per account, and whenever the balance changes.
/// </summary>
public sealed class EquitySample
{
    public long AccountId { get; set; }
    public DateTimeOffset At { get; set; }
    public decimal? Balance { get; set; }
    public decimal? Equity { get; set; }
    public decimal? Margin { get; set; }
    public decimal? FreeMargin { get; set; }
    /// <summary>Equity minus balance: what the open positions would realise now.</summary>
    public decimal? FloatingProfit { get; set; }
}

public sealed class EquitySampleConfiguration : IEntityTypeConfiguration<EquitySample>
{
    public void Configure(EntityTypeBuilder<EquitySample> builder)
    {
        builder.ToTable("equity_samples");
        builder.HasKey(s => new { s.AccountId, s.At }).HasName("equity_samples_pkey");
        builder.HasOne<Account>().WithMany().HasForeignKey(s => s.AccountId)
            .HasConstraintName("equity_samples_account_id_fkey").OnDelete(DeleteBehavior.NoAction);
        builder.Property(s => s.Balance).HasPrecision(20, 2);
        builder.Property(s => s.Equity).HasPrecision(20, 2);
        builder.Property(s => s.Margin).HasPrecision(20, 2);
        builder.Property(s => s.FreeMargin).HasPrecision(20, 2);
        builder.Property(s => s.FloatingProfit).HasPrecision(20, 2);
        // Retention deletes by age across accounts.
        builder.HasIndex(s => s.At).HasDatabaseName("equity_samples_at");
    }
}
