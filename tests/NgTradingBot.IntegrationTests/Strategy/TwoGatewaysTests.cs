using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using NgTradingBot.Client;
using NgTradingBot.EaSimulator;
using NgTradingBot.IntegrationTests.Hosting;

namespace NgTradingBot.IntegrationTests.Strategy;

/// <summary>The composition with a second gateway beside the first, as a deployment with two instances behind one address has.</summary>
public sealed class TwoGatewaysFixture : AppFixture
{
    public const string SecondGateway = "gateway-b";

    protected override void Configure(IDistributedApplicationTestingBuilder builder)
    {
        var redis = builder.Resources.OfType<IResourceWithConnectionString>().Single(r => r.Name == "redis");
        var core = builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "core");
        var serviceKey = builder.Resources.OfType<ParameterResource>().Single(p => p.Name == "service-key");
        var second = builder.AddProject<Projects.NgTradingBot_EaGateway>(SecondGateway)
            .WithReference(builder.CreateResourceBuilder(redis))
            .WithReference(builder.CreateResourceBuilder(core))
            .WithEnvironment("EaGateway__ServiceKey", builder.CreateResourceBuilder(serviceKey))
            .WithEnvironment("EaGateway__BindAddress", "127.0.0.1");
        foreach (var (name, setting) in new[] { ("command", "Command"), ("ticks", "Ticks"), ("trades", "Trades"), ("logs", "Logs") })
        {
            var port = FreePort();
            second.WithHttpEndpoint(port: port, targetPort: port, name: name, env: $"EaGateway__Ports__{setting}", isProxied: false);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class TwoGatewaysCollection : ICollectionFixture<TwoGatewaysFixture>
{
    public const string Name = "two gateways";
}

[Collection(TwoGatewaysCollection.Name)]
public sealed class TwoGatewaysTests(TwoGatewaysFixture fixture)
{
    [Fact]
    public async Task PollsThroughTwoGatewaysDeliverEveryCommandExactlyOnce()
    {
        const long login = 5_700_000_301;
        using var first = new EaWire(fixture.App);
        using var second = new EaWire(fixture.App, TwoGatewaysFixture.SecondGateway);
        await fixture.App.ResourceNotifications.WaitForResourceHealthyAsync(TwoGatewaysFixture.SecondGateway)
            .WaitAsync(AppFixture.StartTimeout);
        var key = await first.ConnectAsync(login);
        using var strategy = fixture.App.CreateOperatorClient();
        var created = new List<string>();
        // More than the first gateway's ten polls can take in a round (five each), so the second one must deliver too.
        for (var i = 0; i < 100; i++)
        {
            created.Add((await strategy.CreateOrderAsync(login, new OrderRequest("EURUSD", OrderSide.Buy, 1.05m, 1.15m) { Comment = $"two gateways {i}" })).Id);
        }

        var delivered = new List<(string Gateway, string Id)>();
        for (var round = 0; round < 20 && delivered.Count < created.Count; round++)
        {
            var polls = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
            {
                var (name, wire) = i % 2 == 0 ? ("a", first) : ("b", second);
                var reply = await wire.PostAsync("command", "/api/get_commands", EaRequestBodies.AccountAndKey(login, key));
                Assert.Equal(200, reply.Status);
                return JsonDocument.Parse(reply.Body).RootElement.GetProperty("commands").EnumerateArray()
                    .Select(c => (name, c.GetProperty("id").GetString()!)).ToList();
            }));
            delivered.AddRange(polls.SelectMany(p => p));
        }

        Assert.Equal(created.Order(), delivered.Select(d => d.Id).Order());
        Assert.Contains(delivered, d => d.Gateway == "a");
        Assert.Contains(delivered, d => d.Gateway == "b");
    }
}
