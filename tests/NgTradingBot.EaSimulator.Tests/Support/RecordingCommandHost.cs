namespace NgTradingBot.EaSimulator.Tests.Support;

/// <summary>Stands in for the EA around the command handlers and records what they send, in order.</summary>
internal sealed class RecordingCommandHost(EaTerminal terminal) : ICommandHost
{
    public EaTerminal Terminal => terminal;

    public long MagicNumber => 999_888;

    /// <summary>Everything sent, as "log LEVEL message | details", "response STATUS json" or "upload N".</summary>
    public List<string> Timeline { get; } = [];

    public List<(string Id, string Status, string Json)> Responses { get; } = [];

    public List<IReadOnlyList<Bar>> Uploads { get; } = [];

    public Dictionary<ulong, string> CloseReasons { get; } = [];

    /// <summary>Status for the n-th upload (0-based); 200 by default.</summary>
    public Func<int, int> UploadStatus { get; set; } = _ => 200;

    public List<ExecutedCommand> Executed { get; } = [];

    public Task LogAsync(string level, string message, string details, CancellationToken ct)
    {
        Timeline.Add($"log {level} {message} | {details}");
        return Task.CompletedTask;
    }

    public Task RespondAsync(string commandId, string status, string responseJson, CancellationToken ct)
    {
        Responses.Add((commandId, status, responseJson));
        Timeline.Add($"response {status} {responseJson}");
        return Task.CompletedTask;
    }

    public Task<int> UploadCandlesAsync(string symbol, string timeframe, IReadOnlyList<Bar> candles, CancellationToken ct)
    {
        Timeline.Add($"upload {candles.Count}");
        var status = UploadStatus(Uploads.Count);
        Uploads.Add(candles);
        return Task.FromResult(status);
    }

    public Task SleepAsync(TimeSpan delay, CancellationToken ct) => Task.CompletedTask;

    public void StoreCloseReason(ulong ticket, string reason) => CloseReasons[ticket] = reason;

    /// <summary>Runs the commands of a get_commands answer built from the given command objects.</summary>
    public Task RunAsync(params string[] commandObjects) =>
        CommandProcessor.ProcessAsync(this, "{\"commands\":[" + string.Join(",", commandObjects) + "],\"status\":\"success\"}", Executed.Add, CancellationToken.None);

    public (string Status, string Json) LastResponse => (Responses[^1].Status, Responses[^1].Json);
}
