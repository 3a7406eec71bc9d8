using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NgTradingBot.Core.Ingest;

/// <summary>
/// An ingest message already stored and what it did, so a redelivered stream entry (the consumer died before
/// acknowledging it) is not applied twice. Deleted after a retention period.
/// </summary>
public sealed class IngestReceipt
{
    public string MessageId { get; set; } = "";
    public DateTimeOffset ProcessedAt { get; set; }
    public string? Kind { get; set; }
    /// <summary>What the message changed (jsonb).</summary>
    public string? Effects { get; set; }
}

public sealed class IngestReceiptConfiguration : IEntityTypeConfiguration<IngestReceipt>
{
    public void Configure(EntityTypeBuilder<IngestReceipt> builder)
    {
        builder.ToTable("ingest_receipts");
        builder.HasKey(r => r.MessageId).HasName("ingest_receipts_pkey");
        builder.Property(r => r.ProcessedAt).HasDefaultValueSql("now()");
        builder.Property(r => r.Effects).HasColumnType("jsonb");
        builder.HasIndex(r => r.ProcessedAt).HasDatabaseName("ingest_receipts_processed_at");
    }
}
