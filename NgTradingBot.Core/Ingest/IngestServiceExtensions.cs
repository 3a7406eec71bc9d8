using NgTradingBot.Core.Ingest.Handlers;

namespace NgTradingBot.Core.Ingest;

public static class IngestServiceExtensions
{
    /// <summary>The ingest stream consumer, one handler per message kind, and receipt retention.</summary>
    public static IHostApplicationBuilder AddIngest(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IngestOptions>()
            .BindConfiguration(IngestOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IngestMetrics>();
        builder.Services.AddSingleton<QuoteCache>();
        builder.Services.AddSingleton<IngestBatch>();
        builder.Services.AddSingleton<IIngestHandler, HeartbeatHandler>();
        builder.Services.AddSingleton<IIngestHandler, TicksHandler>();
        builder.Services.AddSingleton<IIngestHandler, ProfitUpdateHandler>();
        builder.Services.AddSingleton<IIngestHandler, TransactionHandler>();
        builder.Services.AddSingleton<IIngestHandler, TradeUpdateHandler>();
        builder.Services.AddSingleton<IIngestHandler, LogHandler>();
        builder.Services.AddSingleton<IIngestHandler, SymbolSpecsHandler>();
        builder.Services.AddSingleton<IIngestHandler, OhlcHistoricalHandler>();
        builder.Services.AddSingleton<IIngestHandler, CommandDeliveredHandler>();
        builder.Services.AddSingleton<IIngestHandler, CommandExpiredHandler>();
        builder.Services.AddSingleton<IIngestHandler, CommandResponseHandler>();
        builder.Services.AddSingleton<IIngestHandler, DisconnectHandler>();
        builder.Services.AddSingleton<CommandLaneSignal>();
        builder.Services.AddHostedService(services => services.GetRequiredService<CommandLaneSignal>());
        builder.Services.AddHostedService<IngestProcessor>();
        builder.Services.AddHostedService<ReceiptRetention>();
        return builder;
    }
}
