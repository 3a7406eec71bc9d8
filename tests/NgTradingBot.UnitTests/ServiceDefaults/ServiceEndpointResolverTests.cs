using Microsoft.Extensions.Configuration;
using NgTradingBot.ServiceDefaults.Discovery;

namespace NgTradingBot.UnitTests.ServiceDefaults;

public sealed class ServiceEndpointResolverTests
{
    private static ServiceEndpointResolver Resolver(params (string Key, string Value)[] settings) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    [Fact]
    public void ResolvesAServiceNameThroughItsConfiguredEndpoint()
    {
        var resolver = Resolver(("services:core:http:0", "http://127.0.0.1:9910"));

        Assert.Equal(new Uri("http://127.0.0.1:9910/api/status?x=1"), resolver.Resolve(new Uri("http://core/api/status?x=1")));
    }

    [Fact]
    public void PrefersHttpsAndFallsBackToHttp()
    {
        var httpOnly = Resolver(("services:core:http:0", "http://127.0.0.1:9910"));
        var both = Resolver(("services:core:http:0", "http://127.0.0.1:9910"), ("services:core:https:0", "https://127.0.0.1:9911"));

        Assert.Equal(new Uri("http://127.0.0.1:9910/a"), httpOnly.Resolve(new Uri("https+http://core/a")));
        Assert.Equal(new Uri("https://127.0.0.1:9911/a"), both.Resolve(new Uri("https+http://core/a")));
    }

    [Fact]
    public void LeavesRealHostsAlone()
    {
        Assert.Equal(new Uri("http://example.org:81/a"), Resolver().Resolve(new Uri("http://example.org:81/a")));
    }

    [Fact]
    public void AnUnresolvableMultiSchemeNameIsAnError()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Resolver().Resolve(new Uri("https+http://core/a")));

        Assert.Contains("services:core", error.Message);
    }
}
