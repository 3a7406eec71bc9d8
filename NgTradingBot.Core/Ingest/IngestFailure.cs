using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NgTradingBot.Core.Ingest;

/// <summary>
/// A dead letter: an ingest entry that can never be stored (unparseable, unknown account, ...). It is acknowledged
/// so it does not block the stream, and kept whole so it can be inspected and replayed after a fix.
/// </summary>
public sealed class IngestFailure
{
    public long Id { get; set; }
    public string MessageId { get; set; } = "";
    public string Kind { get; set; } = "";
    /// <summary>No foreign key: the account may be exactly what was wrong with the message.</summary>
    public long? AccountId { get; set; }
    public string Error { get; set; } = "";
    public byte[] Payload { get; set; } = [];
    public DateTimeOffset At { get; set; }
}

public sealed class IngestFailureConfiguration : IEntityTypeConfiguration<IngestFailure>
{
    public void Configure(EntityTypeBuilder<IngestFailure> builder)
    {
        builder.ToTable("ingest_failures");
        builder.HasKey(f => f.Id).HasName("ingest_failures_pkey");
        builder.Property(f => f.Id).UseSerialColumn();
        builder.Property(f => f.At).HasDefaultValueSql("now()");
        builder.HasIndex(f => f.At).HasDatabaseName("ingest_failures_at");
    }
}
