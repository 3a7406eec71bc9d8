namespace NgTradingBot.Core.History;

public static class HistoryServiceExtensions
{
    public static IHostApplicationBuilder AddAccountHistory(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AccountHistory>();
        return builder;
    }
}
