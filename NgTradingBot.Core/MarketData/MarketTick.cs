using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NgTradingBot.Core.Accounts;

namespace NgTradingBot.Core.MarketData;

/// <summary>
/// A quote an EA streamed: broker time as sent and the UTC estimate derived from the broker offset. Written by
/// binary COPY on the ingest path and never updated, so it has no key (a time series, read by range).
/// </summary>
public sealed class MarketTick
{
    public long AccountId { get; set; }
    public string Symbol { get; set; } = "";
    public decimal Bid { get; set; }
    public decimal Ask { get; set; }
    public long Volume { get; set; }
    public long BrokerTime { get; set; }
    public DateTimeOffset TickTime { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}

public sealed class MarketTickConfiguration : IEntityTypeConfiguration<MarketTick>
{
    public void Configure(EntityTypeBuilder<MarketTick> builder)
    {
        builder.ToTable("ticks");
        builder.HasNoKey();
        builder.HasOne<Account>().WithMany().HasForeignKey(t => t.AccountId)
            .HasConstraintName("ticks_account_id_fkey").OnDelete(DeleteBehavior.NoAction);
        builder.Property(t => t.Bid).HasPrecision(24, 8);
        builder.Property(t => t.Ask).HasPrecision(24, 8);
        builder.Property(t => t.Volume).HasDefaultValue(0L);
        builder.Property(t => t.ReceivedAt).HasDefaultValueSql("now()");
        builder.HasIndex(t => new { t.Symbol, t.TickTime }).HasDatabaseName("ticks_symbol_time");
        builder.HasIndex(t => new { t.AccountId, t.TickTime }).HasDatabaseName("ticks_account_time");
    }
}
