namespace NgTradingBot.EaSimulator;

/// <summary>
/// CLOSE_TRADE (contract 7.4): the <c>reason</c> is stored before the close is tried, so a failed close leaves
/// it for a later natural close. Full volume, IOC filling only.
/// </summary>
internal static class CloseTradeCommand
{
    public static async Task ExecuteAsync(CommandContext c)
    {
        var cmd = c.Command;
        if (cmd.Ticket == 0)
        {
            await c.FailedAsync(EaCommandResponses.Error("No ticket provided")).ConfigureAwait(false);
            return;
        }
        if (cmd.Reason.Length > 0)
        {
            c.Host.StoreCloseReason(cmd.Ticket, cmd.Reason);
        }
        if (c.Terminal.FindPosition(cmd.Ticket) is null)
        {
            await c.FailedAsync(EaCommandResponses.Error($"Position {cmd.Ticket} not found")).ConfigureAwait(false);
            return;
        }
        var result = c.Terminal.ClosePosition(cmd.Ticket, FillingMode.Ioc);
        if (result.Done)
        {
            await c.CompletedAsync(EaCommandResponses.CloseCompleted(cmd.Ticket, result.Price)).ConfigureAwait(false);
        }
        else if (result.Sent)
        {
            await c.FailedAsync(EaCommandResponses.Retcode("Close failed", result.Retcode)).ConfigureAwait(false);
        }
        else
        {
            await c.FailedAsync(EaCommandResponses.OrderSendFailed(result.LastError)).ConfigureAwait(false);
        }
    }
}
