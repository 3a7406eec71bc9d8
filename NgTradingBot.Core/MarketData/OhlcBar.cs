using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NgTradingBot.Core.MarketData;

/// <summary>A history bar of one broker's symbol and timeframe, keyed by its broker-time open.</summary>
public sealed class OhlcBar
{
    public string Broker { get; set; } = "";
    public string Symbol { get; set; } = "";
    /// <summary>M1, M5, M15, H1, H4 or D1.</summary>
    public string Timeframe { get; set; } = "";
    public long OpenTimeBroker { get; set; }
    public decimal Open { get; set; }
    public decimal High { get; set; }
    public decimal Low { get; set; }
    public decimal Close { get; set; }
    public long Volume { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}

public sealed class OhlcBarConfiguration : IEntityTypeConfiguration<OhlcBar>
{
    public void Configure(EntityTypeBuilder<OhlcBar> builder)
    {
        builder.ToTable("ohlc_bars", table => table.HasCheckConstraint("ohlc_bars_timeframe_check", "timeframe IN ('M1', 'M5', 'M15', 'H1', 'H4', 'D1')"));
        builder.HasKey(b => new { b.Broker, b.Symbol, b.Timeframe, b.OpenTimeBroker }).HasName("ohlc_bars_pkey");
        builder.Property(b => b.Open).HasPrecision(24, 8);
        builder.Property(b => b.High).HasPrecision(24, 8);
        builder.Property(b => b.Low).HasPrecision(24, 8);
        builder.Property(b => b.Close).HasPrecision(24, 8);
        builder.Property(b => b.ReceivedAt).HasDefaultValueSql("now()");
        // The EA's coverage request carries no account, so bars are also looked up by symbol alone.
        builder.HasIndex(b => new { b.Symbol, b.Timeframe, b.OpenTimeBroker }).HasDatabaseName("ohlc_bars_symbol");
    }
}
