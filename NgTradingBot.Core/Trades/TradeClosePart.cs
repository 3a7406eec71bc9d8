using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NgTradingBot.Core.Trades;

/// <summary>
/// One CLOSE update of a position: the EA sends one per closing deal, so a position closed in parts has several,
/// and each realised part is kept here (the trade's <see cref="Trade.RealizedProfit"/> is their sum).
/// </summary>
public sealed class TradeClosePart
{
    public long Id { get; set; }
    public long AccountId { get; set; }
    public long Ticket { get; set; }
    public long CloseTimeBroker { get; set; }
    public decimal ClosePrice { get; set; }
    public decimal Profit { get; set; }
    public decimal Commission { get; set; }
    public decimal Swap { get; set; }
    public string CloseReason { get; set; } = "";
    public DateTimeOffset ReceivedAt { get; set; }
}

public sealed class TradeClosePartConfiguration : IEntityTypeConfiguration<TradeClosePart>
{
    public void Configure(EntityTypeBuilder<TradeClosePart> builder)
    {
        builder.ToTable("trade_close_parts");
        builder.HasKey(p => p.Id).HasName("trade_close_parts_pkey");
        builder.Property(p => p.Id).UseSerialColumn();
        builder.HasOne<Trade>().WithMany().HasForeignKey(p => new { p.AccountId, p.Ticket })
            .HasConstraintName("trade_close_parts_trade_fkey").OnDelete(DeleteBehavior.NoAction);
        builder.Property(p => p.ClosePrice).HasPrecision(24, 8);
        builder.Property(p => p.Profit).HasPrecision(20, 2);
        builder.Property(p => p.Commission).HasPrecision(20, 2);
        builder.Property(p => p.Swap).HasPrecision(20, 2);
        builder.Property(p => p.ReceivedAt).HasDefaultValueSql("now()");
        // The same deal reported twice (the EA re-sends after a failed request) is one part.
        builder.HasIndex(p => new { p.AccountId, p.Ticket, p.CloseTimeBroker, p.ClosePrice, p.Profit })
            .IsUnique().HasDatabaseName("trade_close_parts_deal");
    }
}
