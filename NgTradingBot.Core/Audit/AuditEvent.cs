using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NgTradingBot.Core.Accounts;

namespace NgTradingBot.Core.Audit;

/// <summary>Who did what to which account or subject, and when; <see cref="Data"/> holds the particulars (jsonb).</summary>
public sealed class AuditEvent
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string Actor { get; set; } = "";
    public string Action { get; set; } = "";
    public long? AccountId { get; set; }
    public string? Subject { get; set; }
    public string? Data { get; set; }

    /// <summary>
    /// An entry, stored in the transaction of the change it describes: added to the same context, or written with
    /// <see cref="AuditLog.WriteAsync"/> on the ingest path.
    /// </summary>
    public static AuditEvent Of(string actor, string action, long? accountId, string? subject = null, object? data = null) => new()
    {
        Actor = actor,
        Action = action,
        AccountId = accountId,
        Subject = subject,
        Data = data is null ? null : JsonSerializer.Serialize(data, JsonSerializerOptions.Web),
    };
}

public sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("audit_events");
        builder.HasKey(e => e.Id).HasName("audit_events_pkey");
        builder.Property(e => e.Id).UseSerialColumn();
        builder.HasOne<Account>().WithMany().HasForeignKey(e => e.AccountId)
            .HasConstraintName("audit_events_account_id_fkey").OnDelete(DeleteBehavior.NoAction);
        builder.Property(e => e.At).HasDefaultValueSql("now()");
        builder.Property(e => e.Data).HasColumnType("jsonb");
        builder.HasIndex(e => e.At).HasDatabaseName("audit_events_at");
        // An account's audit trail is read newest first, page by page.
        builder.HasIndex(e => new { e.AccountId, e.At }).HasDatabaseName("audit_events_account_at");
    }
}
