using NgTradingBot.EaSimulator.Tests.Support;

namespace NgTradingBot.EaSimulator.Tests.Commands;

public class HistoricalDataCommandTests
{
    // Broker time in every test: 2026-11-20 12:00:00.
    private static readonly long Now = TestTerminal.Start.ToUnixTimeSeconds() + 7200;

    private static string Request(string timeframe, long start, long end, string symbol = "EURUSD") =>
        $$"""{"end_date":{{end}},"id":"h1","start_date":{{start}},"symbol":"{{symbol}}","timeframe":"{{timeframe}}","type":"REQUEST_HISTORICAL_DATA"}""";

    [Fact]
    public async Task UploadsTheOldestChunkFirstEachNewestToOldest()
    {
        var host = new RecordingCommandHost(TestTerminal.Create());
        await host.RunAsync(Request("M1", Now - 24_999 * 60, Now));

        Assert.Equal([10_000, 10_000, 5_000], host.Uploads.Select(u => u.Count));
        foreach (var chunk in host.Uploads)
        {
            Assert.True(chunk.Zip(chunk.Skip(1)).All(pair => pair.First.Time > pair.Second.Time), "each chunk runs newest to oldest");
        }
        Assert.True(host.Uploads[0][0].Time < host.Uploads[1][^1].Time, "older chunk before newer chunk");
        Assert.True(host.Uploads[1][0].Time < host.Uploads[2][^1].Time, "older chunk before newer chunk");
        Assert.Equal(Now - 24_999 * 60, host.Uploads[0][^1].Time);
        Assert.Equal(Now, host.Uploads[2][0].Time);
        Assert.Equal(("completed", """{"symbol":"EURUSD","timeframe":"M1","bars_sent":25000}"""), host.LastResponse);
    }

    [Fact]
    public async Task StopsAtTheFirstChunkThatIsNotOk()
    {
        var host = new RecordingCommandHost(TestTerminal.Create()) { UploadStatus = n => n == 1 ? 500 : 200 };
        await host.RunAsync(Request("M1", Now - 24_999 * 60, Now));
        Assert.Equal(2, host.Uploads.Count);
        Assert.Equal(("failed", """{"error":"Failed to send historical data to server"}"""), host.LastResponse);
    }

    [Theory]
    [InlineData("""{"id":"h1","type":"REQUEST_HISTORICAL_DATA","symbol":"EURUSD","start_date":1,"end_date":2}""", """{"error":"Missing symbol or timeframe"}""")]
    [InlineData("""{"id":"h1","type":"REQUEST_HISTORICAL_DATA","symbol":"EURUSD","timeframe":"W1","start_date":1,"end_date":2}""", """{"error":"Invalid timeframe"}""")]
    [InlineData("""{"id":"h1","type":"REQUEST_HISTORICAL_DATA","symbol":"EURUSD","timeframe":"H1","start_date":"2024-01-01","end_date":"2024-02-01"}""", """{"error":"Invalid date range"}""")]
    [InlineData("""{"id":"h1","type":"REQUEST_HISTORICAL_DATA","symbol":"FOO","timeframe":"H1","start_date":1700000000,"end_date":1700100000}""", """{"error":"Failed to copy rates for FOO H1","bars_copied":-1}""")]
    public async Task ValidatesLikeTheEa(string command, string expected)
    {
        var host = new RecordingCommandHost(TestTerminal.Create());
        await host.RunAsync(command);
        Assert.Equal(("failed", expected), host.LastResponse);
        Assert.Empty(host.Uploads);
    }

    [Fact]
    public void GivesTheSameBarsForTheSameRange()
    {
        var first = TestTerminal.Create().History.Range("EURUSD", "H1", Now - 48 * 3600, Now, Now)!;
        var second = TestTerminal.Create().History.Range("EURUSD", "H1", Now - 48 * 3600, Now, Now)!;
        Assert.Equal(49, first.Count);
        Assert.Equal(first, second);
        Assert.All(first, bar => Assert.True(bar.Low <= Math.Min(bar.Open, bar.Close) && bar.High >= Math.Max(bar.Open, bar.Close)));
    }
}
