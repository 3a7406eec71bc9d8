using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace NgTradingBot.Web.Access;

public static class AccessServiceExtensions
{
    /// <summary>
    /// Everything needs the operator: a cookie from the sign-in page, or the operator key as a bearer token. The fallback
    /// policy covers every endpoint that says nothing (pages, the Blazor hub); the sign-in page, health and static assets opt out.
    /// </summary>
    public static IHostApplicationBuilder AddOperatorAccess(this IHostApplicationBuilder builder)
    {
        var operatorKey = builder.Configuration["Core:OperatorKey"];
        if (string.IsNullOrWhiteSpace(operatorKey))
        {
            throw new InvalidOperationException("Core:OperatorKey is required (the AppHost sets it).");
        }

        builder.Services.AddSingleton(new OperatorCredential(operatorKey));
        builder.Services.AddOptions<StatusApiOptions>().BindConfiguration(StatusApiOptions.Section);
        builder.Services.AddAuthentication(OperatorAccess.Scheme)
            .AddPolicyScheme(OperatorAccess.Scheme, "Operator", options => options.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.Count > 0 ? OperatorAccess.BearerScheme : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, OperatorKeyHandler>(OperatorAccess.BearerScheme, null)
            .AddCookie(options =>
            {
                options.LoginPath = OperatorAccess.SignInPath;
                options.Cookie.Name = "ngtradingbot.operator";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.ExpireTimeSpan = TimeSpan.FromHours(12);
                options.SlidingExpiration = true;
                options.Events.OnRedirectToLogin = RefuseApiOrRedirect;
                options.Events.OnRedirectToAccessDenied = RefuseApiOrRedirect;
            });
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(OperatorAccess.Scheme).RequireAuthenticatedUser().Build())
            .AddPolicy(OperatorAccess.StatusReader, policy => policy.AddAuthenticationSchemes(OperatorAccess.Scheme).AddRequirements(new StatusReaderRequirement()));
        builder.Services.AddSingleton<IAuthorizationHandler, StatusReaderHandler>();
        builder.Services.AddCascadingAuthenticationState();
        return builder;
    }

    // A script gets a 401 it can read; a browser is sent to the sign-in page.
    private static Task RefuseApiOrRedirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (!OperatorAccess.IsApiRequest(context.Request))
        {
            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return AccessRefusal.WriteAsync(context.Response, "Sign in as the operator, or send Authorization: Bearer <operator key>");
    }
}
