using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Npgsql;
using NgTradingBot.Core.Access;
using NgTradingBot.Core.Accounts;
using NgTradingBot.Core.Audit;
using NgTradingBot.Core.Commands;
using NgTradingBot.Core.Connections;
using NgTradingBot.Core.Ingest;
using NgTradingBot.Core.Logs;
using NgTradingBot.Core.MarketData;
using NgTradingBot.Core.Trades;

namespace NgTradingBot.Core.Persistence;

/// <summary>
/// Every table Core keeps, one entity each, each mapped by the configuration beside it in its feature folder.
/// The model and its migrations are the schema's only source; the hot ingest path writes the same tables
/// through raw Npgsql on the same data source where that is measurably faster.
/// </summary>
public sealed class TradingDbContext : DbContext
{
    public TradingDbContext(DbContextOptions<TradingDbContext> options) : base(options)
    {
        // Every write here runs in one explicit transaction that commits or rolls back whole; EF's savepoint around
        // each SaveChanges would only add two round trips to it (measured on an EA's connect, with row locks held).
        // Set in the constructor, so a pooled context gets it back each time it is reused.
        Database.AutoSavepointsEnabled = false;
    }

    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<SymbolSubscription> SymbolSubscriptions => Set<SymbolSubscription>();
    public DbSet<AccountConnection> Connections => Set<AccountConnection>();
    public DbSet<ConnectionEvent> ConnectionEvents => Set<ConnectionEvent>();
    public DbSet<BrokerSymbol> BrokerSymbols => Set<BrokerSymbol>();
    public DbSet<SymbolSpecification> SymbolSpecifications => Set<SymbolSpecification>();
    public DbSet<EaCommand> Commands => Set<EaCommand>();
    public DbSet<CommandTransition> CommandTransitions => Set<CommandTransition>();
    public DbSet<Trade> Trades => Set<Trade>();
    public DbSet<TradeClosePart> TradeCloseParts => Set<TradeClosePart>();
    public DbSet<AccountTransaction> AccountTransactions => Set<AccountTransaction>();
    public DbSet<MarketTick> Ticks => Set<MarketTick>();
    public DbSet<OhlcBar> OhlcBars => Set<OhlcBar>();
    public DbSet<EquitySample> EquitySamples => Set<EquitySample>();
    public DbSet<EaLogEntry> EaLogs => Set<EaLogEntry>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<IngestReceipt> IngestReceipts => Set<IngestReceipt>();
    public DbSet<IngestFailure> IngestFailures => Set<IngestFailure>();
    public DbSet<StrategyKey> StrategyKeys => Set<StrategyKey>();

    /// <summary>The one place the provider is set up, for the running service and for the design-time tools alike.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options.UseNpgsql(dataSource).UseSnakeCaseNamingConvention();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every index is declared where its query needs it, as the schema always had them: none appears only
        // because a column is a foreign key (ticks and logs would pay for it on every insert).
        configurationBuilder.Conventions.Remove(typeof(ForeignKeyIndexConvention));
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TradingDbContext).Assembly);
}
