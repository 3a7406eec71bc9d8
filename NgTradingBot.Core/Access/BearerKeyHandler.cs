using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace NgTradingBot.Core.Access;

/// <summary>
/// Reads <c>Authorization: Bearer &lt;key&gt;</c> and says who is calling: the operator, the gateway (service key)
/// or a strategy key with its scopes and accounts. An EA's key is none of these: EA keys live in the gateway's
/// credential store, never here.
/// </summary>
public sealed class BearerKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    FixedKeyHashes fixedKeys,
    StrategyKeys keys) : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    public const string SchemeName = "Bearer";

    private const int MaxKeyLength = 256;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("The Authorization header must be 'Bearer <key>'");
        }

        var secret = header[(SchemeName.Length + 1)..].Trim();
        if (secret.Length is 0 or > MaxKeyLength)
        {
            return AuthenticateResult.Fail($"The key must be 1 to {MaxKeyLength} characters");
        }

        var hash = KeySecrets.Hash(secret);
        if (KeySecrets.Matches(hash, fixedKeys.Operator))
        {
            return Success(AccessRoles.Operator, AccessRoles.Operator, [], [AccessRoles.AllAccounts]);
        }

        if (KeySecrets.Matches(hash, fixedKeys.Service))
        {
            return Success(AccessRoles.Service, AccessRoles.Service, [], []);
        }

        var key = await keys.FindAsync(hash, Context.RequestAborted);
        return key is null
            ? AuthenticateResult.Fail("The key is not known or was revoked")
            : Success(AccessRoles.Strategy, key.Id, key.Scopes, key.Logins is null ? [AccessRoles.AllAccounts] : key.Logins.Select(l => l.ToString()));
    }

    private AuthenticateResult Success(string role, string keyId, IEnumerable<string> scopes, IEnumerable<string> accounts)
    {
        var claims = new List<Claim> { new(ClaimTypes.Role, role), new(AccessRoles.KeyIdClaim, keyId) };
        claims.AddRange(scopes.Select(scope => new Claim(AccessRoles.ScopeClaim, scope)));
        claims.AddRange(accounts.Select(account => new Claim(AccessRoles.AccountClaim, account)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
