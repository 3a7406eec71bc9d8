using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NgTradingBot.Core.Commands;

/// <summary>One step of a command's lifecycle: from which status to which, when, and why (jsonb detail).</summary>
public sealed class CommandTransition
{
    public long Id { get; set; }
    public string CommandId { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string? FromStatus { get; set; }
    public string ToStatus { get; set; } = "";
    public string? Detail { get; set; }

    /// <summary>
    /// A step, stored in the transaction of the status change: added to the same context, or written with
    /// <see cref="CommandEvents"/> on raw Npgsql (one, or a command-lane batch's at once). Without <paramref name="at"/> it is the commit's time.
    /// </summary>
    public static CommandTransition Of(string commandId, string? fromStatus, string toStatus, object? detail = null, DateTimeOffset? at = null) => new()
    {
        CommandId = commandId,
        FromStatus = fromStatus,
        ToStatus = toStatus,
        Detail = detail is null ? null : JsonSerializer.Serialize(detail, JsonSerializerOptions.Web),
        At = at ?? default,
    };
}

public sealed class CommandTransitionConfiguration : IEntityTypeConfiguration<CommandTransition>
{
    public void Configure(EntityTypeBuilder<CommandTransition> builder)
    {
        builder.ToTable("command_events");
        builder.HasKey(e => e.Id).HasName("command_events_pkey");
        builder.Property(e => e.Id).UseSerialColumn();
        builder.HasOne<EaCommand>().WithMany().HasForeignKey(e => e.CommandId)
            .HasConstraintName("command_events_command_id_fkey").OnDelete(DeleteBehavior.NoAction);
        builder.Property(e => e.At).HasDefaultValueSql("now()");
        builder.Property(e => e.Detail).HasColumnType("jsonb");
        builder.HasIndex(e => new { e.CommandId, e.At }).HasDatabaseName("command_events_command");
    }
}
