namespace NgTradingBot.Core.EaInternal;

public static class EaInternalServiceExtensions
{
    /// <summary>The services behind the gateway's internal calls (connect and symbols use the Accounts feature).</summary>
    public static IHostApplicationBuilder AddEaInternal(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<OhlcCoverage>();
        builder.Services.AddSingleton<NgTradingBot.Core.Trades.TradeSyncReconciler>();
        return builder;
    }
}
