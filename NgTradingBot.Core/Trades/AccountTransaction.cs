using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NgTradingBot.Core.Accounts;

namespace NgTradingBot.Core.Trades;

/// <summary>A non-trading deal (deposit, withdrawal, fee). The EA re-sends its whole history after each restart.</summary>
public sealed class AccountTransaction
{
    public long AccountId { get; set; }
    public long Ticket { get; set; }
    public string TransactionType { get; set; } = "";
    public decimal Amount { get; set; }
    public long BrokerTime { get; set; }
    public string Comment { get; set; } = "";
    public decimal? Balance { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}

public sealed class AccountTransactionConfiguration : IEntityTypeConfiguration<AccountTransaction>
{
    public void Configure(EntityTypeBuilder<AccountTransaction> builder)
    {
        builder.ToTable("account_transactions");
        builder.HasKey(t => new { t.AccountId, t.Ticket }).HasName("account_transactions_pkey");
        builder.HasOne<Account>().WithMany().HasForeignKey(t => t.AccountId)
            .HasConstraintName("account_transactions_account_id_fkey").OnDelete(DeleteBehavior.NoAction);
        builder.Property(t => t.Amount).HasPrecision(20, 2);
        builder.Property(t => t.Balance).HasPrecision(20, 2);
        builder.Property(t => t.Comment).HasDefaultValue("");
        builder.Property(t => t.ReceivedAt).HasDefaultValueSql("now()");
    }
}
