using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NgTradingBot.Core.Accounts;

namespace NgTradingBot.Core.Connections;

/// <summary>One row per account: its connection as Core last saw it in the EA's traffic.</summary>
public sealed class AccountConnection
{
    public long AccountId { get; set; }
    /// <summary>One of <see cref="ConnectionStates"/>.</summary>
    public string State { get; set; } = "";
    public DateTimeOffset? ConnectedAt { get; set; }
    public DateTimeOffset? DisconnectedAt { get; set; }
    public DateTimeOffset? LastSeenAt { get; set; }
    public DateTimeOffset? LastHeartbeatAt { get; set; }
    public DateTimeOffset? LastTickAt { get; set; }
    public string? RemoteAddress { get; set; }
    public long HeartbeatCount { get; set; }
    public long TickBatchCount { get; set; }
    /// <summary>Ticks received in tick batches, unchanged ones included (only changes are stored as rows).</summary>
    public long TicksReceived { get; set; }
    /// <summary>Broker time minus UTC, from the EA's own clock readings.</summary>
    public int? BrokerOffsetSeconds { get; set; }
    /// <summary>The latest broker time the EA reported (TimeCurrent()), and when it last moved: it stands still while the market is closed.</summary>
    public long? BrokerTime { get; set; }
    public DateTimeOffset? BrokerTimeMovedAt { get; set; }
    /// <summary>When each symbol's quote last changed, as a jsonb object of symbol to Unix seconds (Core's receive time).</summary>
    public string? QuotesChangedAt { get; set; }
    /// <summary>The latest request on any route (the gateways' count, command polls included).</summary>
    public DateTimeOffset? LastRequestAt { get; set; }
    public decimal? HealthScore { get; set; }
    /// <summary>Why the score is below 100, in plain language; empty when it is 100.</summary>
    public string[] HealthReasons { get; set; } = [];
    public bool IsHealthy { get; set; }
    public int ConsecutiveFailures { get; set; }
    public double? HeartbeatLatencyMs { get; set; }
    public DateTimeOffset? HealthCheckedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class AccountConnectionConfiguration : IEntityTypeConfiguration<AccountConnection>
{
    public void Configure(EntityTypeBuilder<AccountConnection> builder)
    {
        builder.ToTable("connections", table => table.HasCheckConstraint("connections_state_check", "state IN ('connected', 'degraded', 'disconnected', 'failed')"));
        builder.HasKey(c => c.AccountId).HasName("connections_pkey");
        builder.Property(c => c.AccountId).ValueGeneratedNever();
        builder.HasOne<Account>().WithOne().HasForeignKey<AccountConnection>(c => c.AccountId)
            .HasConstraintName("connections_account_id_fkey").OnDelete(DeleteBehavior.NoAction);
        builder.Property(c => c.HeartbeatCount).HasDefaultValue(0L);
        builder.Property(c => c.TickBatchCount).HasDefaultValue(0L);
        builder.Property(c => c.TicksReceived).HasDefaultValue(0L);
        builder.Property(c => c.HealthScore).HasPrecision(5, 2);
        builder.Property(c => c.HealthReasons).HasDefaultValueSql("'{}'::text[]");
        builder.Property(c => c.IsHealthy).HasDefaultValue(false);
        builder.Property(c => c.ConsecutiveFailures).HasDefaultValue(0);
        builder.Property(c => c.UpdatedAt).HasDefaultValueSql("now()");
        builder.Property(c => c.QuotesChangedAt).HasColumnType("jsonb");
    }
}
