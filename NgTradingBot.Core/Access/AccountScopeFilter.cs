namespace NgTradingBot.Core.Access;

/// <summary>
/// On routes with a <c>{login}</c>: a strategy key acts only on the accounts it was issued for. Runs after the
/// route's policy, so the caller is known here.
/// </summary>
public sealed class AccountScopeFilter(AccessRefusals refusals) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Request.RouteValues.TryGetValue("login", out var value) && long.TryParse(value?.ToString(), out var login)
            && !http.User.MayAccess(login))
        {
            return await refusals.NotYourAccountAsync(http, login);
        }
        return await next(context);
    }
}

public static class AccountScopeFilterExtensions
{
    /// <summary>Requires the policy and keeps a strategy key to its own accounts.</summary>
    public static TBuilder RequireAccountAccess<TBuilder>(this TBuilder builder, string policy) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(policy).AddEndpointFilter<TBuilder, AccountScopeFilter>();
}
