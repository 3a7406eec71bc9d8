namespace NgTradingBot.EaSimulator.Tests.Ea;

public class SubscriptionListTests
{
    private static async Task<List<string>> ReplaceAsync(SubscriptionList list, string arrayText)
    {
        var added = new List<string>();
        await list.ReplaceAsync(arrayText, symbol =>
        {
            added.Add(symbol);
            return Task.CompletedTask;
        });
        return added;
    }

    [Fact]
    public async Task AddingASymbolAtTheEndReportsOnlyThatOne()
    {
        var list = new SubscriptionList();
        list.Load("\"EURUSD\",\"XAUUSD\"");
        Assert.Equal(["GBPUSD"], await ReplaceAsync(list, "\"EURUSD\",\"XAUUSD\",\"GBPUSD\""));
        Assert.Equal(["EURUSD", "XAUUSD", "GBPUSD"], list.Symbols);
    }

    [Fact]
    public async Task AReorderedListYieldsFalseNewSymbols()
    {
        var list = new SubscriptionList();
        list.Load("\"EURUSD\",\"XAUUSD\"");
        // XAUUSD overwrites slot 0 first, so EURUSD is then no longer found there.
        Assert.Equal(["EURUSD"], await ReplaceAsync(list, "\"XAUUSD\",\"EURUSD\""));
    }

    [Fact]
    public async Task AnEmptyListStopsEverythingSafely()
    {
        var list = new SubscriptionList();
        list.Load("\"EURUSD\",\"XAUUSD\"");
        Assert.Empty(await ReplaceAsync(list, ""));
        Assert.Empty(list.Symbols);
    }

    [Fact]
    public async Task ShrinkingTheListReadsPastTheEndAndUnloadsTheEa()
    {
        var list = new SubscriptionList();
        list.Load("\"EURUSD\",\"XAUUSD\",\"GBPUSD\"");
        await Assert.ThrowsAsync<EaRuntimeException>(() => ReplaceAsync(list, "\"GBPUSD\""));
    }
}
