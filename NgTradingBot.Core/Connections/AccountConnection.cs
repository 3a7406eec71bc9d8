using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NgTradingBot.Core.Accounts;

namespace NgTradingBot.Core.Connections;

/// <summary>One row per account: its connection as Core last saw it in the EA's traffic.</summary>
public sealed class AccountConnection
{
    public long AccountId { get; set; }
    /// <summary>connected, stale or disconnected.</summary>
    public string State { get; set; } = "";
    public DateTimeOffset? ConnectedAt { get; set; }
    public DateTimeOffset? DisconnectedAt { get; set; }
    public DateTimeOffset? LastSeenAt { get; set; }
    public DateTimeOffset? LastHeartbeatAt { get; set; }
    public DateTimeOffset? LastTickAt { get; set; }
    public string? RemoteAddress { get; set; }
    public long HeartbeatCount { get; set; }
    public long TickBatchCount { get; set; }
    /// <summary>Broker time minus UTC, from the EA's own clock readings.</summary>
    public int? BrokerOffsetSeconds { get; set; }
    public decimal? HealthScore { get; set; }
    public string? HealthReason { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class AccountConnectionConfiguration : IEntityTypeConfiguration<AccountConnection>
{
    public void Configure(EntityTypeBuilder<AccountConnection> builder)
    {
        builder.ToTable("connections", table => table.HasCheckConstraint("connections_state_check", "state IN ('connected', 'stale', 'disconnected')"));
        builder.HasKey(c => c.AccountId).HasName("connections_pkey");
        builder.Property(c => c.AccountId).ValueGeneratedNever();
        builder.HasOne<Account>().WithOne().HasForeignKey<AccountConnection>(c => c.AccountId)
            .HasConstraintName("connections_account_id_fkey").OnDelete(DeleteBehavior.NoAction);
        builder.Property(c => c.HeartbeatCount).HasDefaultValue(0L);
        builder.Property(c => c.TickBatchCount).HasDefaultValue(0L);
        builder.Property(c => c.HealthScore).HasPrecision(5, 2);
        builder.Property(c => c.UpdatedAt).HasDefaultValueSql("now()");
    }
}
