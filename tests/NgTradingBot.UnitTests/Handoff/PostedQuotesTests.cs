using NgTradingBot.Handoff;

namespace NgTradingBot.UnitTests.Handoff;

public sealed class PostedQuotesTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeMilliseconds(1_730_709_012_000);

    private static bool Post(PostedQuotes quotes, long login, DateTimeOffset at, params PostedQuote[] ticks) =>
        quotes.Post(login, ticks, tick => tick, at);

    [Fact]
    public void ABatchLeavesTheLatestQuoteOfEachSymbolUnderItsAccount()
    {
        var quotes = new PostedQuotes();

        Post(quotes, 42, At, new PostedQuote("EURUSD", 1.1m, 1.2m), new PostedQuote("GBPUSD", 1.3m, 1.4m), new PostedQuote("EURUSD", 1.15m, 1.25m));

        Assert.Equal(new Dictionary<string, string>
        {
            ["42:EURUSD"] = "1.15 1.25 1730709012000",
            ["42:GBPUSD"] = "1.3 1.4 1730709012000",
        }, quotes.Take().ToDictionary());
    }

    [Fact]
    public void ALaterPostReplacesTheQuoteAndATakeEmptiesIt()
    {
        var quotes = new PostedQuotes();
        Post(quotes, 42, At, new PostedQuote("EURUSD", 1.1m, 1.2m));
        Post(quotes, 43, At, new PostedQuote("EURUSD", 2.1m, 2.2m));
        Post(quotes, 42, At.AddSeconds(1), new PostedQuote("EURUSD", 1.11m, 1.21m));

        var taken = quotes.Take().ToDictionary();

        Assert.Equal("1.11 1.21 1730709013000", taken["42:EURUSD"]);
        Assert.Equal("2.1 2.2 1730709012000", taken["43:EURUSD"]);
        Assert.Empty(quotes.Take());
    }

    [Fact]
    public void AnEmptyBatchNotesNothing()
    {
        var quotes = new PostedQuotes();

        Assert.False(Post(quotes, 42, At));
        Assert.Empty(quotes.Take());
    }

    [Fact]
    public void UnwrittenQuotesComeBackButNeverOverANewerOne()
    {
        var quotes = new PostedQuotes();
        Post(quotes, 42, At, new PostedQuote("EURUSD", 1.1m, 1.2m), new PostedQuote("GBPUSD", 1.3m, 1.4m));
        var unwritten = quotes.Take();
        Post(quotes, 42, At.AddSeconds(1), new PostedQuote("EURUSD", 1.11m, 1.21m));

        quotes.Restore(unwritten);

        Assert.Equal(new Dictionary<string, string>
        {
            ["42:EURUSD"] = "1.11 1.21 1730709013000",
            ["42:GBPUSD"] = "1.3 1.4 1730709012000",
        }, quotes.Take().ToDictionary());
    }
}
