using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using NgTradingBot.Core.Access;
using NgTradingBot.Core.Commands;

namespace NgTradingBot.UnitTests.Core;

public sealed class AccessRulesTests
{
    private static ClaimsPrincipal Caller(string role, string[] scopes, string[] accounts) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Role, role), .. scopes.Select(s => new Claim(AccessRoles.ScopeClaim, s)), .. accounts.Select(a => new Claim(AccessRoles.AccountClaim, a))],
        "test"));

    private static async Task<bool> AllowedAsync(ClaimsPrincipal caller, string policy)
    {
        var requirement = new AccessRequirement(policy);
        var context = new AuthorizationHandlerContext([requirement], caller, null);
        await new AccessRequirementHandler().HandleAsync(context);
        return context.HasSucceeded;
    }

    [Theory]
    [InlineData(AccessPolicies.Operator, true, false, false, false, false)]
    [InlineData(AccessPolicies.Service, false, true, false, false, false)]
    [InlineData(AccessPolicies.Trade, true, false, true, false, true)]
    [InlineData(AccessPolicies.ReadCommands, true, false, true, true, true)]
    [InlineData(AccessPolicies.ReadAccounts, true, false, false, true, true)]
    public async Task EachPolicyAdmitsExactlyItsCallers(string policy, bool @operator, bool service, bool trader, bool reader, bool both)
    {
        Assert.Equal(@operator, await AllowedAsync(Caller(AccessRoles.Operator, [], [AccessRoles.AllAccounts]), policy));
        Assert.Equal(service, await AllowedAsync(Caller(AccessRoles.Service, [], []), policy));
        Assert.Equal(trader, await AllowedAsync(Caller(AccessRoles.Strategy, [AccessRoles.Trade], ["1"]), policy));
        Assert.Equal(reader, await AllowedAsync(Caller(AccessRoles.Strategy, [AccessRoles.Read], ["1"]), policy));
        Assert.Equal(both, await AllowedAsync(Caller(AccessRoles.Strategy, [AccessRoles.Trade, AccessRoles.Read], ["1"]), policy));
    }

    [Fact]
    public void AStrategyKeyReachesOnlyItsAccountsUnlessIssuedForAll()
    {
        var scoped = Caller(AccessRoles.Strategy, [AccessRoles.Trade], ["12345678"]);
        var everywhere = Caller(AccessRoles.Strategy, [AccessRoles.Trade], [AccessRoles.AllAccounts]);

        Assert.True(scoped.MayAccess(12345678));
        Assert.False(scoped.MayAccess(87654321));
        Assert.True(everywhere.MayAccess(87654321));
        Assert.False(Caller(AccessRoles.Service, [], []).MayAccess(12345678));
    }

    [Theory]
    [InlineData("trend follower", new[] { "trade" }, null, true)]
    [InlineData("reader", new[] { "read", "trade" }, new long[] { 1, 2 }, true)]
    [InlineData("", new[] { "trade" }, null, false)]
    [InlineData("<script>", new[] { "trade" }, null, false)]
    [InlineData("x", new string[0], null, false)]
    [InlineData("x", new[] { "admin" }, null, false)]
    [InlineData("x", new[] { "read" }, new long[0], false)]
    [InlineData("x", new[] { "read" }, new long[] { 0 }, false)]
    public void AKeyRequestIsValidatedBeforeAnythingIsStored(string name, string[] scopes, long[]? accounts, bool valid)
    {
        Assert.Equal(valid, KeysApi.Validate(new KeysApi.CreateKeyRequest(name, scopes, accounts)) is null);
    }

    [Theory]
    [InlineData("30s", 30.0)]
    [InlineData("500ms", 0.5)]
    [InlineData("1m", 60.0)]
    [InlineData("12", 12.0)]
    [InlineData("0", 0.0)]
    [InlineData("2.5s", 2.5)]
    public void AWaitIsReadInItsUnit(string text, double seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), CommandWaits.ParseWait(text, TimeSpan.FromSeconds(60), out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("61s")]
    [InlineData("2m")]
    [InlineData("-1")]
    [InlineData("soon")]
    [InlineData("")]
    [InlineData("1e3")]
    public void AWaitThatIsNoDurationOrTooLongIsRefused(string text)
    {
        Assert.Null(CommandWaits.ParseWait(text, TimeSpan.FromSeconds(60), out var problem));
        Assert.Contains("wait", problem);
    }
}
