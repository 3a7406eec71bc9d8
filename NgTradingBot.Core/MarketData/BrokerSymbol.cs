using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NgTradingBot.Core.MarketData;

/// <summary>A symbol some EA of this broker reported, the first time it did.</summary>
public sealed class BrokerSymbol
{
    public string Broker { get; set; } = "";
    public string Symbol { get; set; } = "";
    public DateTimeOffset FirstSeenAt { get; set; }
}

public sealed class BrokerSymbolConfiguration : IEntityTypeConfiguration<BrokerSymbol>
{
    public void Configure(EntityTypeBuilder<BrokerSymbol> builder)
    {
        builder.ToTable("broker_symbols");
        builder.HasKey(s => new { s.Broker, s.Symbol }).HasName("broker_symbols_pkey");
        builder.Property(s => s.FirstSeenAt).HasDefaultValueSql("now()");
    }
}
