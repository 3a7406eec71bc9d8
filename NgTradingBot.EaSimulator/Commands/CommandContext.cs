namespace NgTradingBot.EaSimulator;

/// <summary>One command being executed; remembers the response so it can be reported as an <see cref="ExecutedCommand"/>.</summary>
internal sealed class CommandContext(ICommandHost host, EaCommand command, CancellationToken ct)
{
    public ICommandHost Host => host;

    public EaCommand Command => command;

    public EaTerminal Terminal => host.Terminal;

    public CancellationToken Cancellation => ct;

    public string? Status { get; private set; }

    public string ResponseJson { get; private set; } = "";

    public Task CompletedAsync(string responseJson) => RespondAsync(EaCommandResponses.Completed, responseJson);

    public Task FailedAsync(string responseJson) => RespondAsync(EaCommandResponses.Failed, responseJson);

    public Task LogAsync(string level, string message, string details) => host.LogAsync(level, message, details, ct);

    private Task RespondAsync(string status, string responseJson)
    {
        Status = status;
        ResponseJson = responseJson;
        return host.RespondAsync(command.Id, status, responseJson, ct);
    }
}
