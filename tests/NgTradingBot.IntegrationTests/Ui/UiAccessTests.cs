using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using NgTradingBot.Client;
using NgTradingBot.IntegrationTests.Hosting;

namespace NgTradingBot.IntegrationTests.Ui;

/// <summary>Only the operator key opens the status UI and its status API; every form needs its antiforgery token.</summary>
[Collection(UiCollection.Name)]
public sealed class UiAccessTests(UiFixture fixture)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/commands")]
    [InlineData("/accounts/5900000001")]
    [InlineData("/keys")]
    public async Task APageAskedForWithoutSigningInSendsTheBrowserToTheSignInPage(string path)
    {
        using var session = new WebSession(fixture.WebUrl);

        using var response = await session.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task TheBlazorHubRefusesACallerWhoHasNotSignedIn()
    {
        using var session = new WebSession(fixture.WebUrl);

        using var response = await session.Http.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized, response.StatusCode.ToString());
    }

    [Fact]
    public async Task TheStatusApiRefusesNoKeyAStrategyKeyAndAnEaKeyAndAnswersTheOperator()
    {
        using var session = new WebSession(fixture.WebUrl);
        using var core = fixture.App.CreateOperatorClient();
        var strategy = await core.CreateKeyAsync("ui-access-test", [KeyScopes.Read, KeyScopes.Trade], null);
        using var wire = new EaWire(fixture.App);
        var eaKey = await wire.ConnectAsync(5_900_000_101);

        using var anonymous = await session.Http.GetAsync("/api/system/status");
        var refusals = new List<HttpResponseMessage>();
        foreach (var key in new[] { strategy.Secret, eaKey, fixture.App.ServiceKey() })
        {
            refusals.Add(await session.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/system/status")
            {
                Headers = { Authorization = new AuthenticationHeaderValue("Bearer", key) },
            }));
        }
        using var operatorCall = await session.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/system/status")
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", fixture.App.OperatorKey()) },
        });

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("error", JsonDocument.Parse(await anonymous.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
        Assert.All(refusals, refusal => Assert.Equal(HttpStatusCode.Unauthorized, refusal.StatusCode));
        Assert.Equal(HttpStatusCode.OK, operatorCall.StatusCode);
        Assert.True(JsonDocument.Parse(await operatorCall.Content.ReadAsStringAsync()).RootElement.GetProperty("connections").GetProperty("total").GetInt64() >= 0);
        refusals.ForEach(r => r.Dispose());
    }

    [Fact]
    public async Task SigningInWithAStrategyKeyIsRefusedAndWithTheOperatorKeyOpensTheUi()
    {
        using var session = new WebSession(fixture.WebUrl);
        using var core = fixture.App.CreateOperatorClient();
        var strategy = await core.CreateKeyAsync("ui-sign-in-test", [KeyScopes.Read, KeyScopes.Trade], null);

        using var refused = await session.SignInAsync(strategy.Secret);
        var refusedPage = await refused.Content.ReadAsStringAsync();
        var signedInAfterRefusal = session.IsSignedIn;
        using var accepted = await session.SignInAsync(fixture.App.OperatorKey());
        using var overview = await session.Http.GetAsync("/");
        using var status = await session.Http.GetAsync("/api/system/status");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("That is not the operator key", refusedPage);
        Assert.False(signedInAfterRefusal);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(new Uri(fixture.WebUrl, "/"), new Uri(fixture.WebUrl, accepted.Headers.Location!));
        Assert.True(session.IsSignedIn);
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.Contains("<h1>Overview</h1>", await overview.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
    }

    [Fact]
    public async Task TheSignInFormPostedWithoutItsAntiforgeryTokenIsRefused()
    {
        using var session = new WebSession(fixture.WebUrl);

        using var response = await session.SignInAsync(fixture.App.OperatorKey(), withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(session.IsSignedIn);
    }

    [Fact]
    public async Task TheSignOutFormPostedWithoutItsAntiforgeryTokenIsRefusedAndWithItSignsOut()
    {
        using var session = new WebSession(fixture.WebUrl);
        using var signedIn = await session.SignInAsync(fixture.App.OperatorKey());
        Assert.True(session.IsSignedIn);

        using var withoutToken = await session.Http.PostAsync("/signout", new FormUrlEncodedContent([]));
        var stillSignedIn = session.IsSignedIn;
        var fields = await session.HiddenFieldsAsync("/");
        using var withToken = await session.Http.PostAsync("/signout", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.True(stillSignedIn);
        Assert.Equal(HttpStatusCode.Redirect, withToken.StatusCode);
        Assert.False(session.IsSignedIn);
    }

    [Fact]
    public async Task AReturnAddressOnAnotherHostIsIgnoredAfterSigningIn()
    {
        using var session = new WebSession(fixture.WebUrl);
        var fields = await session.HiddenFieldsAsync("/signin");
        fields["Input.Key"] = fixture.App.OperatorKey();

        using var response = await session.Http.PostAsync("/signin?ReturnUrl=%2F%2Fevil.example%2F", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri(fixture.WebUrl, "/"), new Uri(fixture.WebUrl, response.Headers.Location!));
    }
}
