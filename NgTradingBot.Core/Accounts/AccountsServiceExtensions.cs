namespace NgTradingBot.Core.Accounts;

public static class AccountsServiceExtensions
{
    /// <summary>Enrollment, key issuing, subscriptions, the operator API's services and the start-up credential publisher.</summary>
    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EnrollmentOptions>()
            .BindConfiguration(EnrollmentOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<AccountRegistry>();
        builder.Services.AddSingleton<AccountApprovals>();
        builder.Services.AddSingleton<AccountQueries>();
        builder.Services.AddSingleton<SymbolSubscriptions>();
        builder.Services.AddHostedService<CredentialPublisher>();
        return builder;
    }
}
