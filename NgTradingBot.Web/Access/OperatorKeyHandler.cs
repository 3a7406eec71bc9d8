using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace NgTradingBot.Web.Access;

/// <summary><c>Authorization: Bearer &lt;operator key&gt;</c>, for scripts reading the status API; any other key is refused.</summary>
public sealed class OperatorKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    OperatorCredential credential) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        return Task.FromResult(credential.Matches(header["Bearer ".Length..])
            ? AuthenticateResult.Success(new AuthenticationTicket(OperatorPrincipal.Create(Scheme.Name), Scheme.Name))
            : AuthenticateResult.Fail("Only the operator key opens the status UI"));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await AccessRefusal.WriteAsync(Response, "The operator key is required (Authorization: Bearer <operator key>)");
    }
}

public static class OperatorPrincipal
{
    public static ClaimsPrincipal Create(string scheme) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, OperatorAccess.OperatorName), new Claim(ClaimTypes.Role, OperatorAccess.OperatorName)], scheme));
}
