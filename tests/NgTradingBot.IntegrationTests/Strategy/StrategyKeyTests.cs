using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NgTradingBot.Client;
using NgTradingBot.EaSimulator;
using NgTradingBot.IntegrationTests.Hosting;

namespace NgTradingBot.IntegrationTests.Strategy;

/// <summary>Who may call Core's API: the operator key, strategy keys within their scopes and accounts, the gateway's key; nobody else.</summary>
[Collection(AppCollection.Name)]
public sealed class StrategyKeyTests(AppFixture fixture)
{
    private const long Login = 5_700_000_001, OtherLogin = 5_700_000_002;

    [Theory]
    [InlineData("GET", "/api/accounts")]
    [InlineData("GET", "/api/accounts/5700000001")]
    [InlineData("POST", "/api/accounts/5700000001/commands")]
    [InlineData("POST", "/api/accounts/5700000001/approve")]
    [InlineData("GET", "/api/commands/cmd_unknown")]
    [InlineData("GET", "/api/system/status")]
    [InlineData("GET", "/api/keys")]
    [InlineData("POST", "/internal/ea/connect")]
    public async Task EveryRouteRefusesACallerWithoutAKeyWithAJsonReasonAndAnAuditEntry(string method, string path)
    {
        await using var probe = new SystemProbe(fixture.App);
        using var anonymous = fixture.App.CreateHttpClient("core");
        var before = await probe.ScalarAsync<long>("SELECT count(*) FROM audit_events WHERE action = 'access.refused' AND subject = $1", $"{method} {path}");

        using var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) });
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("error", body.GetProperty("status").GetString());
        Assert.Contains("Bearer", body.GetProperty("message").GetString());
        Assert.True(await probe.ScalarAsync<long>("SELECT count(*) FROM audit_events WHERE action = 'access.refused' AND subject = $1", $"{method} {path}") > before);
    }

    [Fact]
    public async Task AStrategyKeyTradesOnlyItsOwnAccountsAndOnlyWithinItsScopes()
    {
        using var wire = new EaWire(fixture.App);
        await wire.ConnectAsync(Login);
        await wire.ConnectAsync(OtherLogin);
        using var admin = fixture.App.CreateOperatorClient();
        var trader = await admin.CreateKeyAsync("trend follower", [KeyScopes.Trade], [Login]);
        var reader = await admin.CreateKeyAsync("dashboard reader", [KeyScopes.Read], [Login]);
        using var trading = fixture.App.CreateTradingClient(trader.Secret);
        using var reading = fixture.App.CreateTradingClient(reader.Secret);
        var order = new OrderRequest("EURUSD", OrderSide.Buy, StopLoss: 1.0500m, TakeProfit: 1.1500m) { ExpiresIn = TimeSpan.FromSeconds(5) };

        var created = await trading.CreateOrderAsync(Login, order);
        var followed = await trading.GetCommandAsync(created.Id);
        var otherAccount = await Assert.ThrowsAsync<TradingBotApiException>(() => trading.CreateOrderAsync(OtherLogin, order));
        var readOnly = await Assert.ThrowsAsync<TradingBotApiException>(() => reading.CreateOrderAsync(Login, order));
        var readsCommands = await reading.ListCommandsAsync(Login);
        using var traderHttp = Bearer(trader.Secret);
        using var approve = await traderHttp.PostAsync($"/api/accounts/{Login}/approve", null);
        using var keys = await traderHttp.GetAsync("/api/keys");

        Assert.Equal(CommandStatus.Pending, created.Status);
        Assert.Equal(created.Id, followed.Id);
        Assert.Equal(ApiErrorKind.Forbidden, otherAccount.Kind);
        Assert.Contains(OtherLogin.ToString(), otherAccount.Message);
        Assert.Equal(ApiErrorKind.Forbidden, readOnly.Kind);
        Assert.Contains("trade scope", readOnly.Message);
        Assert.Contains(readsCommands, c => c.Id == created.Id);
        Assert.Equal(HttpStatusCode.Forbidden, approve.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, keys.StatusCode);
        Assert.DoesNotContain(trader.Secret, JsonSerializer.Serialize(await admin.ListKeysAsync()));
    }

    [Fact]
    public async Task ARevokedOrRotatedSecretStopsWorkingAndEaKeysNeverWorkOnCore()
    {
        using var wire = new EaWire(fixture.App);
        var eaKey = await wire.ConnectAsync(Login);
        using var admin = fixture.App.CreateOperatorClient();
        var issued = await admin.CreateKeyAsync("rotating", [KeyScopes.Read], null);
        var rotated = await admin.RotateKeyAsync(issued.Key.Id);
        using var newSecret = fixture.App.CreateTradingClient(rotated.Secret);
        var listedWithNewSecret = await newSecret.ListCommandsAsync(Login);
        var oldSecret = await Assert.ThrowsAsync<TradingBotApiException>(() => fixture.App.CreateTradingClient(issued.Secret).ListCommandsAsync(Login));
        await admin.RevokeKeyAsync(issued.Key.Id);
        var revoked = await Assert.ThrowsAsync<TradingBotApiException>(() => newSecret.ListCommandsAsync(Login));
        var asEaKey = await Assert.ThrowsAsync<TradingBotApiException>(() => fixture.App.CreateTradingClient(eaKey).ListCommandsAsync(Login));
        using var service = Bearer(fixture.App.ServiceKey());
        using var serviceOnOperatorRoute = await service.GetAsync("/api/accounts");

        Assert.NotNull(listedWithNewSecret);
        Assert.Equal(ApiErrorKind.Unauthenticated, oldSecret.Kind);
        Assert.Equal(ApiErrorKind.Unauthenticated, revoked.Kind);
        Assert.Equal(ApiErrorKind.Unauthenticated, asEaKey.Kind);
        Assert.Equal(HttpStatusCode.Forbidden, serviceOnOperatorRoute.StatusCode);
    }

    [Fact]
    public async Task AStrategyKeyIsNeverAnEaKey()
    {
        using var wire = new EaWire(fixture.App);
        await wire.ConnectAsync(Login);
        using var admin = fixture.App.CreateOperatorClient();
        var issued = await admin.CreateKeyAsync("not an ea", [KeyScopes.Trade, KeyScopes.Read], [Login]);

        var heartbeat = await wire.PostAsync("command", "/api/heartbeat",
            EaRequestBodies.Heartbeat(Login, issued.Secret, 1730709002, new AccountSnapshot(1, 1, 0, 1), ProfitWindows.Zero));
        var operatorAsEa = await wire.PostAsync("command", "/api/get_commands", EaRequestBodies.AccountAndKey(Login, fixture.App.OperatorKey()));

        Assert.Equal(403, heartbeat.Status);
        Assert.NotEqual(200, operatorAsEa.Status);
    }

    [Theory]
    [InlineData("""{"scopes":["trade"]}""", "name")]
    [InlineData("""{"name":"x","scopes":[]}""", "scopes")]
    [InlineData("""{"name":"x","scopes":["admin"]}""", "scopes")]
    [InlineData("""{"name":"x","scopes":["read"],"accounts":[]}""", "accounts")]
    [InlineData("""{"name":"x","scopes":["read"],"accounts":[-5]}""", "accounts")]
    [InlineData("""{"name":"\ud800","scopes":["read"]}""", "")]
    [InlineData("""{"name":"x","scopes":"read"}""", "")]
    public async Task AKeyRequestThatCannotBeAKeyIsRefusedAndCreatesNothing(string body, string named)
    {
        await using var probe = new SystemProbe(fixture.App);
        using var core = fixture.App.CreateCoreClient();
        var before = await probe.ScalarAsync<long>("SELECT count(*) FROM strategy_keys");

        using var response = await core.PostAsync("/api/keys", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var message = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, message);
        Assert.Equal(before, await probe.ScalarAsync<long>("SELECT count(*) FROM strategy_keys"));
    }

    [Fact]
    public async Task TheApiIsDescribedByAnOpenApiDocumentAndAReferencePageAnyoneCanRead()
    {
        using var anonymous = fixture.App.CreateHttpClient("core");

        var document = JsonDocument.Parse(await anonymous.GetStringAsync("/openapi/v1.json")).RootElement;
        using var page = await anonymous.GetAsync("/scalar");

        Assert.True(document.GetProperty("paths").TryGetProperty("/api/accounts/{login}/commands", out _));
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/keys", out _));
        Assert.False(document.GetProperty("paths").TryGetProperty("/internal/ea/connect", out _));
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("text/html", page.Content.Headers.ContentType?.ToString());
    }

    private HttpClient Bearer(string key)
    {
        var client = fixture.App.CreateHttpClient("core");
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        return client;
    }
}
