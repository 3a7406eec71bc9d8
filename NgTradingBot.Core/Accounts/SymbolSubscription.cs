using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NgTradingBot.Core.Accounts;

/// <summary>A symbol an account's EA streams, in the order its symbol list answer gives them.</summary>
public sealed class SymbolSubscription
{
    public long AccountId { get; set; }
    public string Symbol { get; set; } = "";
    public int Position { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class SymbolSubscriptionConfiguration : IEntityTypeConfiguration<SymbolSubscription>
{
    public void Configure(EntityTypeBuilder<SymbolSubscription> builder)
    {
        builder.ToTable("symbols_subscribed");
        builder.HasKey(s => new { s.AccountId, s.Symbol }).HasName("symbols_subscribed_pkey");
        builder.HasOne<Account>().WithMany().HasForeignKey(s => s.AccountId)
            .HasConstraintName("symbols_subscribed_account_id_fkey").OnDelete(DeleteBehavior.NoAction);
        builder.Property(s => s.CreatedAt).HasDefaultValueSql("now()");
    }
}
