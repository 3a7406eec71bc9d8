namespace NgTradingBot.Core.MarketData;

public static class MarketDataServiceExtensions
{
    /// <summary>What market data is kept and for how long: tick partitions, equity sampling and their retention.</summary>
    public static IHostApplicationBuilder AddMarketData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MarketDataOptions>()
            .BindConfiguration(MarketDataOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddHostedService<MarketDataRetention>();
        return builder;
    }
}
