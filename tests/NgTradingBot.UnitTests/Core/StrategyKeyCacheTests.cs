using NgTradingBot.Core.Access;

namespace NgTradingBot.UnitTests.Core;

public sealed class StrategyKeyCacheTests
{
    private static readonly byte[] Hash = [1, 2, 3, 4];
    private static readonly StrategyKey LiveKey = new() { Id = "key-1", Name = "trend", Hash = Hash, Scopes = ["trade"] };

    private readonly SteppedClock _clock = new();

    [Fact]
    public void AnsweredLookupIsKeptForTheConfiguredTime()
    {
        var cache = new StrategyKeyCache(_clock, TimeSpan.FromSeconds(5));
        cache.Store(Hash, LiveKey, cache.Ticket);

        Assert.True(cache.TryGet(Hash, out var key));
        Assert.Same(LiveKey, key);
        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.False(cache.TryGet(Hash, out _));
    }

    [Fact]
    public void UnknownKeyIsRememberedAsUnknown()
    {
        var cache = new StrategyKeyCache(_clock, TimeSpan.FromSeconds(5));
        cache.Store(Hash, null, cache.Ticket);

        Assert.True(cache.TryGet(Hash, out var key));
        Assert.Null(key);
    }

    [Fact]
    public void ForgottenKeyIsLookedUpAgain()
    {
        var cache = new StrategyKeyCache(_clock, TimeSpan.FromSeconds(5));
        cache.Store(Hash, LiveKey, cache.Ticket);

        cache.Forget(Hash);

        Assert.False(cache.TryGet(Hash, out _));
    }

    [Fact]
    public void LookupThatReadTheKeyBeforeARevokeCannotPutItBack()
    {
        var cache = new StrategyKeyCache(_clock, TimeSpan.FromSeconds(5));
        // A request's lookup takes its ticket and reads the key while it is still live ...
        var ticket = cache.Ticket;
        // ... the operator's revoke commits and forgets the key before that lookup stores what it read.
        cache.Forget(Hash);
        cache.Store(Hash, LiveKey, ticket);

        Assert.False(cache.TryGet(Hash, out _));
        cache.Store(Hash, null, cache.Ticket);
        Assert.True(cache.TryGet(Hash, out var key));
        Assert.Null(key);
    }

    [Fact]
    public void AFloodOfDistinctKeysEmptiesTheCacheInsteadOfGrowingIt()
    {
        var cache = new StrategyKeyCache(_clock, TimeSpan.FromSeconds(5), capacity: 3);
        for (byte i = 0; i < 3; i++)
        {
            cache.Store([i], null, cache.Ticket);
        }

        cache.Store(Hash, LiveKey, cache.Ticket);

        Assert.False(cache.TryGet([0], out _));
        Assert.True(cache.TryGet(Hash, out _));
    }

    private sealed class SteppedClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
