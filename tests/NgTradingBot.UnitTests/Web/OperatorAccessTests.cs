using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using NgTradingBot.Web.Access;

namespace NgTradingBot.UnitTests.Web;

public sealed class OperatorAccessTests
{
    [Theory]
    [InlineData("op_secret-key", true)]
    [InlineData("  op_secret-key \n", true)]
    [InlineData("op_secret-kez", false)]
    [InlineData("sk_strategy", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void OnlyTheOperatorKeyMatches(string? candidate, bool matches)
    {
        Assert.Equal(matches, new OperatorCredential("op_secret-key").Matches(candidate));
    }

    [Theory]
    [InlineData(false, false, "127.0.0.1", false)]
    [InlineData(false, true, "127.0.0.1", true)]
    [InlineData(false, true, "::1", true)]
    [InlineData(false, true, "10.0.0.5", false)]
    [InlineData(true, false, "10.0.0.5", true)]
    public async Task TheStatusApiAdmitsTheOperatorAndLoopbackOnlyWhenAllowed(bool signedIn, bool allowLoopback, string remote, bool admitted)
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        var user = signedIn ? OperatorPrincipal.Create("test") : new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
        var requirement = new StatusReaderRequirement();
        var context = new AuthorizationHandlerContext([requirement], user, http);
        var options = new StaticOptions(new StatusApiOptions { AllowLoopback = allowLoopback });

        await new StatusReaderHandler(options).HandleAsync(context);

        Assert.Equal(admitted, context.HasSucceeded);
    }

    [Fact]
    public void LoopbackIsNotAllowedUnlessConfigured()
    {
        Assert.False(new StatusApiOptions().AllowLoopback);
    }

    [Theory]
    [InlineData("/commands?status=PENDING", "/commands?status=PENDING")]
    [InlineData("/", "/")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("commands", "/")]
    public void TheSignInPageReturnsOnlyToAPathOnThisSite(string? returnUrl, string expected)
    {
        Assert.Equal(expected, ReturnPath.LocalOrHome(returnUrl));
    }

    [Theory]
    [InlineData("", new long[0])]
    [InlineData("50000000, 50000001;50000000", new long[] { 50000000, 50000001 })]
    [InlineData(" 42 ", new long[] { 42 })]
    public void KeyAccountsAreLoginsSeparatedByCommas(string text, long[] logins)
    {
        Assert.Equal(logins, KeyAccounts.Parse(text));
    }

    [Theory]
    [InlineData("5000x")]
    [InlineData("-5")]
    [InlineData("0")]
    public void KeyAccountsRefuseWhatIsNotALogin(string text)
    {
        Assert.Null(KeyAccounts.Parse(text));
    }

    private sealed class StaticOptions(StatusApiOptions value) : IOptionsMonitor<StatusApiOptions>
    {
        public StatusApiOptions CurrentValue => value;

        public StatusApiOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<StatusApiOptions, string?> listener) => null;
    }
}
