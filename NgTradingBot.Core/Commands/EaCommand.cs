using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NgTradingBot.Core.Accounts;

namespace NgTradingBot.Core.Commands;

/// <summary>
/// A command for one account's EA and where it is in its lifecycle (<see cref="CommandStatuses"/>): PENDING, DELIVERED,
/// then COMPLETED or FAILED, back to PENDING for a safe retry, or EXPIRED, TIMED_OUT, CANCELLED, OUTCOME_UNKNOWN
/// (an OPEN_TRADE delivered and never answered, until <see cref="OutcomeResolver"/> settles it).
/// </summary>
public sealed class EaCommand
{
    public string Id { get; set; } = "";
    /// <summary>Creation order (an identity): FIFO within a priority, also for a command queued again.</summary>
    public long Sequence { get; set; }
    public long AccountId { get; set; }
    public string Type { get; set; } = "";
    /// <summary>0 (highest) to 3.</summary>
    public short Priority { get; set; }
    public string Status { get; set; } = "";
    /// <summary>The request as the strategy sent it (jsonb).</summary>
    public string Payload { get; set; } = "";
    /// <summary>
    /// The exact flat JSON object the EA receives, written once per attempt (its id is the attempt's, see
    /// <see cref="CommandAttempts"/>), so a re-queued attempt is byte-identical.
    /// </summary>
    public string? FlatJson { get; set; }
    public string? IdempotencyKey { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public string? DeliveredVia { get; set; }
    public DateTimeOffset? ResponseDueAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>When Core stored the EA's answer (FinishedAt is when the gateway received it): the answered-to-stored stage.</summary>
    public DateTimeOffset? StoredAt { get; set; }
    public string? ResponseStatus { get; set; }
    /// <summary>The EA's answer (jsonb).</summary>
    public string? Response { get; set; }
    public long? Ticket { get; set; }
    /// <summary>Deliveries so far; a PENDING command is on attempt <c>Attempts + 1</c>.</summary>
    public int Attempts { get; set; }
    /// <summary>A PENDING command waiting for its retry is queued again no earlier than this (null otherwise).</summary>
    public DateTimeOffset? RetryAt { get; set; }
    /// <summary>The TTL and price guard the command was sent with (jsonb, <see cref="OrderProtection"/>); null when none.</summary>
    public string? Protection { get; set; }
}

public sealed class EaCommandConfiguration : IEntityTypeConfiguration<EaCommand>
{
    public void Configure(EntityTypeBuilder<EaCommand> builder)
    {
        builder.ToTable("commands", table =>
        {
            table.HasCheckConstraint("commands_priority_check", "priority BETWEEN 0 AND 3");
            table.HasCheckConstraint("commands_status_check",
                "status IN ('PENDING', 'DELIVERED', 'COMPLETED', 'FAILED', 'EXPIRED', 'TIMED_OUT', 'CANCELLED', 'OUTCOME_UNKNOWN')");
        });
        builder.HasKey(c => c.Id).HasName("commands_pkey");
        builder.HasOne<Account>().WithMany().HasForeignKey(c => c.AccountId)
            .HasConstraintName("commands_account_id_fkey").OnDelete(DeleteBehavior.NoAction);
        builder.Property(c => c.Payload).HasColumnType("jsonb");
        builder.Property(c => c.Response).HasColumnType("jsonb");
        builder.Property(c => c.Protection).HasColumnType("jsonb");
        builder.Property(c => c.CreatedAt).HasDefaultValueSql("now()");
        builder.Property(c => c.Attempts).HasDefaultValue(0);
        builder.Property(c => c.Sequence).UseIdentityByDefaultColumn();
        builder.HasIndex(c => new { c.AccountId, c.IdempotencyKey }).IsUnique().HasDatabaseName("commands_account_id_idempotency_key_key");
        builder.HasIndex(c => new { c.AccountId, c.Status, c.Priority, c.CreatedAt }).HasDatabaseName("commands_account_status");
        builder.HasIndex(c => c.Status).HasDatabaseName("commands_open").HasFilter("status IN ('PENDING', 'DELIVERED', 'OUTCOME_UNKNOWN')");
        // Trade updates link a ticket to the OPEN_TRADE command whose response carried it.
        builder.HasIndex(c => new { c.AccountId, c.Ticket }).HasDatabaseName("commands_ticket").HasFilter("ticket IS NOT NULL");
    }
}
