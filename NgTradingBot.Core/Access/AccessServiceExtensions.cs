using Microsoft.AspNetCore.Authorization;

namespace NgTradingBot.Core.Access;

public static class AccessServiceExtensions
{
    public static IHostApplicationBuilder AddAccess(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AccessOptions>().Bind(builder.Configuration.GetSection(AccessOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<FixedKeyHashes>();
        builder.Services.AddSingleton<StrategyKeys>();
        builder.Services.AddSingleton<AccessRefusals>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler>(services => services.GetRequiredService<AccessRefusals>());
        builder.Services.AddSingleton<IAuthorizationHandler, AccessRequirementHandler>();
        builder.Services.AddAuthentication(BearerKeyHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, BearerKeyHandler>(BearerKeyHandler.SchemeName, null);
        builder.Services.AddAuthorization(options =>
        {
            foreach (var policy in new[] { AccessPolicies.Operator, AccessPolicies.Service, AccessPolicies.Trade, AccessPolicies.ReadCommands, AccessPolicies.ReadAccounts })
            {
                options.AddPolicy(policy, p => p.AddRequirements(new AccessRequirement(policy)));
            }
            // A route that names no policy is the operator's: nothing new is open by mistake.
            options.FallbackPolicy = options.GetPolicy(AccessPolicies.Operator);
        });
        return builder;
    }
}
