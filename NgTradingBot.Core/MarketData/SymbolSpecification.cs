using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NgTradingBot.Core.MarketData;

/// <summary>A broker's trading rules for one symbol (volume limits, stop distances, digits), as its EA reports them.</summary>
public sealed class SymbolSpecification
{
    public string Broker { get; set; } = "";
    public string Symbol { get; set; } = "";
    public decimal? VolumeMin { get; set; }
    public decimal? VolumeMax { get; set; }
    public decimal? VolumeStep { get; set; }
    public int? StopsLevel { get; set; }
    public int? FreezeLevel { get; set; }
    public int? TradeMode { get; set; }
    public int? Digits { get; set; }
    public decimal? Point { get; set; }
    public decimal? ContractSize { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class SymbolSpecificationConfiguration : IEntityTypeConfiguration<SymbolSpecification>
{
    public void Configure(EntityTypeBuilder<SymbolSpecification> builder)
    {
        builder.ToTable("symbol_specs");
        builder.HasKey(s => new { s.Broker, s.Symbol }).HasName("symbol_specs_pkey");
        builder.Property(s => s.VolumeMin).HasPrecision(20, 4);
        builder.Property(s => s.VolumeMax).HasPrecision(20, 4);
        builder.Property(s => s.VolumeStep).HasPrecision(20, 4);
        builder.Property(s => s.Point).HasPrecision(24, 12);
        builder.Property(s => s.ContractSize).HasPrecision(24, 4);
        builder.Property(s => s.UpdatedAt).HasDefaultValueSql("now()");
    }
}
