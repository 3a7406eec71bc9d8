using System.Net;
using NgTradingBot.EaSimulator;
using NgTradingBot.IntegrationTests.Hosting;

namespace NgTradingBot.IntegrationTests.Ea;

/// <summary>A composition with approval-required enrollment and tight per-account rate limits.</summary>
public sealed class AccessPolicyFixture : AppFixture
{
    protected override void Configure(IDistributedApplicationTestingBuilder builder)
    {
        Service(builder, "core").WithEnvironment("Enrollment__Policy", "ApprovalRequired");
        Service(builder, "gateway")
            .WithEnvironment("EaGateway__RateLimits__PerAccountPerSecond", "20")
            .WithEnvironment("EaGateway__RateLimits__PerAccountBurst", "20");
    }

    private static IResourceBuilder<ProjectResource> Service(IDistributedApplicationTestingBuilder builder, string name) =>
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == name));
}

[CollectionDefinition(Name)]
public sealed class AccessPolicyCollection : ICollectionFixture<AccessPolicyFixture>
{
    public const string Name = "access policy";
}

[Collection(AccessPolicyCollection.Name)]
public sealed class AccessPolicyTests(AccessPolicyFixture fixture)
{
    [Fact]
    public async Task AnUnknownLoginWaitsForApprovalAndABlockedOneIsTurnedAway()
    {
        const long login = 5_600_000_001;
        using var wire = new EaWire(fixture.App);
        using var core = fixture.App.CreateCoreClient();
        var connect = EaRequestBodies.Connect(login, "Policy Broker", 1730709000, ["EURUSD"]);

        var held = await wire.PostAsync("command", "/api/connect", connect);
        var listed = await core.GetStringAsync("/api/accounts?enrollment=pending");
        var approval = await core.PostAsync($"/api/accounts/{login}/approve", null);
        var admitted = await wire.PostAsync("command", "/api/connect", connect);
        var key = EaResponseParser.ApiKey(admitted.Body);
        var heartbeat = EaRequestBodies.Heartbeat(login, key, 1730709002, new AccountSnapshot(1, 1, 0, 1), ProfitWindows.Zero);
        var beforeBlock = await wire.PostAsync("command", "/api/heartbeat", heartbeat);
        var block = await core.PostAsync($"/api/accounts/{login}/block", null);
        // The gateway learns of the block from Redis pub/sub, one hop after Core's answer; a cached key would last 30 s.
        var afterBlock = await RepeatWhileAsync(() => wire.PostAsync("command", "/api/heartbeat", heartbeat), reply => reply.Status == 200);
        var reconnect = await wire.PostAsync("command", "/api/connect", connect);

        Assert.Equal(403, held.Status);
        Assert.Contains("approval", held.Json.GetProperty("message").GetString());
        Assert.Contains(login.ToString(), listed);
        Assert.Equal(HttpStatusCode.OK, approval.StatusCode);
        Assert.Equal(200, admitted.Status);
        Assert.NotEqual("", key);
        Assert.Equal(200, beforeBlock.Status);
        Assert.Equal(HttpStatusCode.OK, block.StatusCode);
        // 403 on heartbeat makes the EA try to register again; a blocked login is refused there too.
        Assert.Equal(403, afterBlock.Status);
        Assert.Equal(403, reconnect.Status);
    }

    private static async Task<EaReply> RepeatWhileAsync(Func<Task<EaReply>> send, Func<EaReply, bool> unchanged)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var reply = await send();
        while (unchanged(reply) && !timeout.IsCancellationRequested)
        {
            await Task.Delay(20);
            reply = await send();
        }
        return reply;
    }

    [Fact]
    public async Task OneEaFloodingTheGatewayIsSlowedWithoutStarvingAnother()
    {
        const long flooder = 5_600_000_002, neighbour = 5_600_000_003;
        using var wire = new EaWire(fixture.App);
        using var core = fixture.App.CreateCoreClient();
        var keys = new Dictionary<long, string>();
        foreach (var login in new[] { flooder, neighbour })
        {
            await wire.PostAsync("command", "/api/connect", EaRequestBodies.Connect(login, "Policy Broker", 1730709000, ["EURUSD"]));
            await core.PostAsync($"/api/accounts/{login}/approve", null);
            keys[login] = EaResponseParser.ApiKey((await wire.PostAsync("command", "/api/connect",
                EaRequestBodies.Connect(login, "Policy Broker", 1730709000, ["EURUSD"]))).Body);
        }

        var flood = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ =>
            wire.PostAsync("command", "/api/get_commands", EaRequestBodies.AccountAndKey(flooder, keys[flooder]))));
        var neighbourReplies = new List<int>();
        for (var i = 0; i < 10; i++)
        {
            neighbourReplies.Add((await wire.PostAsync("command", "/api/get_commands", EaRequestBodies.AccountAndKey(neighbour, keys[neighbour]))).Status);
        }

        Assert.Contains(flood, r => r.Status == 429);
        Assert.Contains(flood, r => r.Status == 200);
        Assert.All(flood.Where(r => r.Status == 429), r => Assert.Equal("error", r.Json.GetProperty("status").GetString()));
        Assert.All(neighbourReplies, status => Assert.Equal(200, status));
    }
}
