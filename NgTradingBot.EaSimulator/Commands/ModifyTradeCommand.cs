namespace NgTradingBot.EaSimulator;

/// <summary>
/// MODIFY_TRADE (contract 7.3): ticket, then non-zero SL and TP, then the position lookup; no side checks of
/// its own. The response repeats the requested values. <c>trailing_stop:true</c> marks the ticket so its
/// close is reported as TRAILING_STOP.
/// </summary>
internal static class ModifyTradeCommand
{
    public static async Task ExecuteAsync(CommandContext c)
    {
        var cmd = c.Command;
        if (cmd.Ticket == 0)
        {
            await c.FailedAsync(EaCommandResponses.Error("No ticket provided")).ConfigureAwait(false);
            return;
        }
        if (cmd.Sl == 0 || cmd.Tp == 0)
        {
            await c.FailedAsync(EaCommandResponses.Error("SL and TP are required and must not be 0")).ConfigureAwait(false);
            return;
        }
        if (c.Terminal.FindPosition(cmd.Ticket) is null)
        {
            var total = c.Terminal.Positions.Count;
            await c.FailedAsync(EaCommandResponses.Error($"Position {cmd.Ticket} not found. Total positions: {total}")).ConfigureAwait(false);
            return;
        }
        var result = c.Terminal.ModifyPosition(cmd.Ticket, cmd.Sl, cmd.Tp);
        if (result.Done)
        {
            if (cmd.TrailingStop)
            {
                c.Host.StoreCloseReason(cmd.Ticket, CloseReasons.TrailingStop);
            }
            await c.CompletedAsync(EaCommandResponses.ModifyCompleted(cmd.Ticket, cmd.Sl, cmd.Tp)).ConfigureAwait(false);
        }
        else if (result.Sent)
        {
            await c.FailedAsync(EaCommandResponses.Retcode("Modify failed", result.Retcode)).ConfigureAwait(false);
        }
        else
        {
            await c.FailedAsync(EaCommandResponses.OrderSendFailed(result.LastError)).ConfigureAwait(false);
        }
    }
}
