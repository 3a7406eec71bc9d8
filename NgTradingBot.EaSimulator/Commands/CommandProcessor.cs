namespace NgTradingBot.EaSimulator;

/// <summary>
/// ProcessCommands: every command object of a get_commands or heartbeat answer, sequentially, each announced by
/// the "Command received" log. Unknown types get a WARNING log and no response, as on the real EA.
/// </summary>
internal static class CommandProcessor
{
    public static async Task ProcessAsync(ICommandHost host, string response, Action<ExecutedCommand> executed, CancellationToken ct)
    {
        foreach (var commandObject in EaResponseParser.CommandObjects(response))
        {
            var command = EaResponseParser.ParseCommand(commandObject);
            await host.LogAsync("INFO", "Command received", $"Type: {command.Type}, ID: {command.Id}", ct).ConfigureAwait(false);
            var context = new CommandContext(host, command, ct);
            Func<CommandContext, Task>? handler = command.Type switch
            {
                "OPEN_TRADE" => OpenTradeCommand.ExecuteAsync,
                "MODIFY_TRADE" => ModifyTradeCommand.ExecuteAsync,
                "CLOSE_TRADE" => CloseTradeCommand.ExecuteAsync,
                "REQUEST_HISTORICAL_DATA" => HistoricalDataCommand.ExecuteAsync,
                _ => null,
            };
            if (handler is null)
            {
                await host.LogAsync("WARNING", "Unknown command type", $"Type: {command.Type}, ID: {command.Id}", ct).ConfigureAwait(false);
                executed(new ExecutedCommand(command.Id, command.Type, "ignored", "", commandObject));
                continue;
            }
            await handler(context).ConfigureAwait(false);
            executed(new ExecutedCommand(command.Id, command.Type, context.Status ?? "", context.ResponseJson, commandObject));
        }
    }
}
