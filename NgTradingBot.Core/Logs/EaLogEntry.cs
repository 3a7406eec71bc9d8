using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NgTradingBot.Core.Accounts;

namespace NgTradingBot.Core.Logs;

/// <summary>A line of an EA's own log, as it posted it.</summary>
public sealed class EaLogEntry
{
    public long Id { get; set; }
    public long AccountId { get; set; }
    public string Level { get; set; } = "";
    public string Message { get; set; } = "";
    public string? Details { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}

public sealed class EaLogEntryConfiguration : IEntityTypeConfiguration<EaLogEntry>
{
    public void Configure(EntityTypeBuilder<EaLogEntry> builder)
    {
        builder.ToTable("ea_logs");
        builder.HasKey(l => l.Id).HasName("ea_logs_pkey");
        builder.Property(l => l.Id).UseSerialColumn();
        builder.HasOne<Account>().WithMany().HasForeignKey(l => l.AccountId)
            .HasConstraintName("ea_logs_account_id_fkey").OnDelete(DeleteBehavior.NoAction);
        builder.Property(l => l.ReceivedAt).HasDefaultValueSql("now()");
        builder.HasIndex(l => new { l.AccountId, l.ReceivedAt }).HasDatabaseName("ea_logs_account_time");
    }
}
