using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NgTradingBot.Core.Accounts;
using NgTradingBot.Core.Commands;

namespace NgTradingBot.Core.Trades;

/// <summary>A position as the EA reports it. Tickets are unique per account, not across accounts.</summary>
public sealed class Trade
{
    public long AccountId { get; set; }
    public long Ticket { get; set; }
    public string Symbol { get; set; } = "";
    /// <summary>BUY or SELL.</summary>
    public string Direction { get; set; } = "";
    public decimal Volume { get; set; }
    public decimal? OpenPrice { get; set; }
    public long? OpenTimeBroker { get; set; }
    public decimal? ClosePrice { get; set; }
    public long? CloseTimeBroker { get; set; }
    public decimal? Sl { get; set; }
    public decimal? Tp { get; set; }
    /// <summary>Floating profit while open; once closed, the sum of every realised part.</summary>
    public decimal? Profit { get; set; }
    /// <summary>The sum of the profits of its CLOSE updates so far (see <see cref="TradeClosePart"/>), partial closes included.</summary>
    public decimal? RealizedProfit { get; set; }
    public decimal? Commission { get; set; }
    public decimal? Swap { get; set; }
    /// <summary>open or closed.</summary>
    public string Status { get; set; } = "";
    public string? CloseReason { get; set; }
    public string? Source { get; set; }
    /// <summary>The OPEN_TRADE command that opened it, when one did.</summary>
    public string? CommandId { get; set; }
    /// <summary>Since when the EA's complete positions lists no longer hold this open ticket (null while they do).</summary>
    public DateTimeOffset? MissingSince { get; set; }
    public DateTimeOffset FirstSeenAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class TradeConfiguration : IEntityTypeConfiguration<Trade>
{
    public void Configure(EntityTypeBuilder<Trade> builder)
    {
        builder.ToTable("trades", table =>
        {
            table.HasCheckConstraint("trades_direction_check", "direction IN ('BUY', 'SELL')");
            table.HasCheckConstraint("trades_status_check", "status IN ('open', 'closed')");
        });
        builder.HasKey(t => new { t.AccountId, t.Ticket }).HasName("trades_pkey");
        builder.HasOne<Account>().WithMany().HasForeignKey(t => t.AccountId)
            .HasConstraintName("trades_account_id_fkey").OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<EaCommand>().WithMany().HasForeignKey(t => t.CommandId)
            .HasConstraintName("trades_command_id_fkey").OnDelete(DeleteBehavior.NoAction);
        builder.Property(t => t.Volume).HasPrecision(20, 4);
        builder.Property(t => t.OpenPrice).HasPrecision(24, 8);
        builder.Property(t => t.ClosePrice).HasPrecision(24, 8);
        builder.Property(t => t.Sl).HasPrecision(24, 8);
        builder.Property(t => t.Tp).HasPrecision(24, 8);
        builder.Property(t => t.Profit).HasPrecision(20, 2);
        builder.Property(t => t.RealizedProfit).HasPrecision(20, 2);
        builder.Property(t => t.Commission).HasPrecision(20, 2);
        builder.Property(t => t.Swap).HasPrecision(20, 2);
        builder.Property(t => t.FirstSeenAt).HasDefaultValueSql("now()");
        builder.Property(t => t.UpdatedAt).HasDefaultValueSql("now()");
        builder.HasIndex(t => t.AccountId).HasDatabaseName("trades_open").HasFilter("status = 'open'");
    }
}
