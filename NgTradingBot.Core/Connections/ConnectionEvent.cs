using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NgTradingBot.Core.Accounts;

namespace NgTradingBot.Core.Connections;

/// <summary>Something that happened to an account's connection (connected, disconnected, ...), with when.</summary>
public sealed class ConnectionEvent
{
    public long Id { get; set; }
    public long AccountId { get; set; }
    public DateTimeOffset At { get; set; }
    public string Event { get; set; } = "";
    public string? Detail { get; set; }

    public static ConnectionEvent Of(long accountId, string @event, string? detail) => new() { AccountId = accountId, Event = @event, Detail = detail };
}

public sealed class ConnectionEventConfiguration : IEntityTypeConfiguration<ConnectionEvent>
{
    public void Configure(EntityTypeBuilder<ConnectionEvent> builder)
    {
        builder.ToTable("connection_events");
        builder.HasKey(e => e.Id).HasName("connection_events_pkey");
        builder.Property(e => e.Id).UseSerialColumn();
        builder.HasOne<Account>().WithMany().HasForeignKey(e => e.AccountId)
            .HasConstraintName("connection_events_account_id_fkey").OnDelete(DeleteBehavior.NoAction);
        builder.Property(e => e.At).HasDefaultValueSql("now()");
        builder.HasIndex(e => new { e.AccountId, e.At }).HasDatabaseName("connection_events_account_at");
    }
}
