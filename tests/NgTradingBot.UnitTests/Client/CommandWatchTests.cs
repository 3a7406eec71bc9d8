using System.IO.Pipelines;
using System.Net;
using System.Text;
using NgTradingBot.Client;

namespace NgTradingBot.UnitTests.Client;

/// <summary>The client's reading of Core's event stream, against canned answers in Core's format.</summary>
public sealed class CommandWatchTests
{
    private const long Login = 12_345_678;

    [Fact]
    public async Task AMissedEventIsCountedBeforeTheChangeThatFollowsTheGap()
    {
        var core = new CannedCore();
        await core.StreamAsync(Update("x", "PENDING") + Missed(3) + Update("y", "PENDING") + Missed(2) + Update("z", "PENDING"));
        core.EndStream();
        using var client = new TradingBotClient(new HttpClient(core) { BaseAddress = new Uri("http://core") }, "key");
        await using var watch = await client.WatchCommandsAsync(Login);

        var seen = new List<(string Id, long Missed)>();
        await foreach (var change in watch.ReadAllAsync())
        {
            seen.Add((change.Id, watch.MissedChanges));
        }

        Assert.Equal([("x", 0L), ("y", 3L), ("z", 5L)], seen);
    }

    [Fact]
    public async Task AWaitReadsAgainAtOnceWhenTheStreamSaysItDroppedChanges()
    {
        var core = new CannedCore();
        core.Commands["a"] = CommandJson("a", "COMPLETED");
        using var client = new TradingBotClient(new HttpClient(core) { BaseAddress = new Uri("http://core") }, "key");
        await using var watch = await client.WatchCommandsAsync(Login);
        // a's COMPLETED was among the dropped; b's comes after the gap. The stream then stays open and silent.
        await core.StreamAsync(Update("a", "PENDING") + Missed(4) + Update("b", "COMPLETED"));

        var waiting = client.WaitForOutcomesAsync(watch, ["a", "b"], Timeout.InfiniteTimeSpan);
        var outcomes = await waiting.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal([("a", "COMPLETED"), ("b", "COMPLETED")], outcomes.Select(c => (c.Id, c.Status)));
        Assert.Equal(["a"], core.Reads);
    }

    private static string Update(string id, string status) =>
        $"event: command\nid: {id}:{status}\ndata: {{\"id\":\"{id}\",\"status\":\"{status}\",\"command\":{CommandJson(id, status)}}}\n\n";

    private static string Missed(long changes) => $"event: missed\ndata: {{\"changes\":{changes}}}\n\n";

    private static string CommandJson(string id, string status) =>
        $"{{\"id\":\"{id}\",\"login\":{Login},\"type\":\"OPEN_TRADE\",\"priority\":\"NORMAL\",\"status\":\"{status}\",\"attempts\":1}}";

    /// <summary>Core's event stream of one account, open until ended, and its commands by id.</summary>
    private sealed class CannedCore : HttpMessageHandler
    {
        private readonly Pipe _stream = new();

        public Dictionary<string, string> Commands { get; } = [];

        public List<string> Reads { get; } = [];

        public async Task StreamAsync(string events) => await _stream.Writer.WriteAsync(Encoding.UTF8.GetBytes(events));

        public void EndStream() => _stream.Writer.Complete();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            if (path == $"/api/accounts/{Login}/commands/events")
            {
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(_stream.Reader.AsStream()) });
            }

            var id = path["/api/commands/".Length..];
            Reads.Add(id);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Commands[id], Encoding.UTF8, "application/json") });
        }
    }
}
