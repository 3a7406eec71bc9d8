using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace NgTradingBot.Web.Access;

/// <summary>The status API's rule: the operator, signed in or with the key, or a loopback caller when that is allowed.</summary>
public sealed class StatusReaderRequirement : IAuthorizationRequirement;

public sealed class StatusReaderHandler(IOptionsMonitor<StatusApiOptions> options) : AuthorizationHandler<StatusReaderRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, StatusReaderRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated == true
            || (options.CurrentValue.AllowLoopback && context.Resource is HttpContext http && IsLoopback(http)))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }

    // The connection's own address: a forwarded-for header is the caller's claim, not a fact.
    private static bool IsLoopback(HttpContext http) => http.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address);
}
