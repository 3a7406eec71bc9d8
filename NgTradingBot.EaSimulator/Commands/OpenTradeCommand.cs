namespace NgTradingBot.EaSimulator;

/// <summary>OPEN_TRADE (contract 7.2): validation in the EA's order, then OrderSend over the filling modes.</summary>
internal static class OpenTradeCommand
{
    private static readonly TimeSpan VerifyDelay = TimeSpan.FromMilliseconds(300);

    public static async Task ExecuteAsync(CommandContext c)
    {
        var cmd = c.Command;
        if (cmd.Symbol.Length == 0)
        {
            await c.FailedAsync(EaCommandResponses.Error("No symbol found")).ConfigureAwait(false);
            return;
        }
        var spec = c.Terminal.SpecOrUnknown(cmd.Symbol);
        var volume = NormalizeVolume(cmd.Volume ?? 0.01, spec);
        if (cmd.Sl == 0 || cmd.Tp == 0)
        {
            await c.FailedAsync(EaCommandResponses.Error("SL and TP are required and must not be 0")).ConfigureAwait(false);
            return;
        }
        if (!c.Terminal.TryGetTick(cmd.Symbol, out var tick))
        {
            await c.FailedAsync(EaCommandResponses.Error("Failed to get tick data")).ConfigureAwait(false);
            return;
        }
        var price = cmd.OrderType == "BUY" ? tick.Ask : tick.Bid;
        if (StopsError(cmd.OrderType, cmd.Sl, cmd.Tp, price, spec) is { } stopsError)
        {
            await c.FailedAsync(stopsError).ConfigureAwait(false);
            return;
        }
        if (cmd.OrderType is not ("BUY" or "SELL"))
        {
            await c.FailedAsync(EaCommandResponses.Error("Invalid order type")).ConfigureAwait(false);
            return;
        }
        await SendAsync(c, spec, cmd.OrderType == "BUY" ? TradeSide.Buy : TradeSide.Sell, volume).ConfigureAwait(false);
    }

    /// <summary>Clamp to [min, max], round to the step (MathRound: half away from zero), clamp again.</summary>
    public static double NormalizeVolume(double volume, SymbolSpec spec)
    {
        volume = Math.Min(Math.Max(volume, spec.VolumeMin), spec.VolumeMax);
        if (spec.VolumeStep > 0)
        {
            volume = Math.Round(volume / spec.VolumeStep, MidpointRounding.AwayFromZero) * spec.VolumeStep;
            volume = Math.Min(Math.Max(volume, spec.VolumeMin), spec.VolumeMax);
        }
        return volume;
    }

    /// <summary>The EA's own side and stops-level checks against ask (BUY) or bid (SELL); error_code 130.</summary>
    public static string? StopsError(string orderType, double sl, double tp, double price, SymbolSpec spec)
    {
        var stopsLevel = spec.StopsLevel;
        var minDistance = stopsLevel * spec.Point;
        string Error(string text) => EaCommandResponses.Error(text, 130);
        string TooClose(string which, double distance) => Error($"{which} too close: {Mql.F5(distance)} < {Mql.F5(minDistance)} (min {stopsLevel} points)");
        if (orderType == "BUY")
        {
            if (sl >= price) return Error($"Invalid SL: {Mql.F5(sl)} >= Price: {Mql.F5(price)} (BUY)");
            if (tp <= price) return Error($"Invalid TP: {Mql.F5(tp)} <= Price: {Mql.F5(price)} (BUY)");
            if (stopsLevel > 0 && price - sl < minDistance) return TooClose("SL", price - sl);
            if (stopsLevel > 0 && tp - price < minDistance) return TooClose("TP", tp - price);
        }
        else if (orderType == "SELL")
        {
            if (sl <= price) return Error($"Invalid SL: {Mql.F5(sl)} <= Price: {Mql.F5(price)} (SELL)");
            if (tp >= price) return Error($"Invalid TP: {Mql.F5(tp)} >= Price: {Mql.F5(price)} (SELL)");
            if (stopsLevel > 0 && sl - price < minDistance) return TooClose("SL", sl - price);
            if (stopsLevel > 0 && price - tp < minDistance) return TooClose("TP", price - tp);
        }
        return null;
    }

    private static async Task SendAsync(CommandContext c, SymbolSpec spec, TradeSide side, double volume)
    {
        var cmd = c.Command;
        List<FillingMode> modes = [];
        if ((spec.FillingMode & 1) == 1) modes.Add(FillingMode.Fok);
        if ((spec.FillingMode & 2) == 2) modes.Add(FillingMode.Ioc);
        modes.Add(FillingMode.Return);
        uint lastRetcode = 0;
        foreach (var mode in modes)
        {
            var result = c.Terminal.SendMarketOrder(cmd.Symbol, side, volume, cmd.Sl, cmd.Tp, mode, cmd.Comment, c.Host.MagicNumber);
            if (result.Done)
            {
                await CompleteAsync(c, spec, result).ConfigureAwait(false);
                return;
            }
            if (result.Sent && result.Retcode is TradeCodes.InvalidStops or TradeCodes.TradeDisabled)
            {
                await LogRejectedAsync(c, result.Retcode, volume).ConfigureAwait(false);
                await c.FailedAsync(EaCommandResponses.BrokerRejectedStops(result.Retcode, cmd.Sl, cmd.Tp)).ConfigureAwait(false);
                return;
            }
            if (!result.Sent && result.LastError is not (TradeCodes.ErrTradeSendFailed or (int)TradeCodes.InvalidFill))
            {
                await c.FailedAsync(EaCommandResponses.OrderSendFailed(result.LastError)).ConfigureAwait(false);
                return;
            }
            lastRetcode = result.Retcode;
        }
        if (lastRetcode != 0)
        {
            await LogRejectedAsync(c, lastRetcode, volume).ConfigureAwait(false);
        }
        await c.FailedAsync(EaCommandResponses.Error("All filling modes failed", TradeCodes.ErrTradeSendFailed)).ConfigureAwait(false);
        await c.LogAsync("ERROR", "Command failed", $"OPEN_TRADE failed for {cmd.Symbol}: All filling modes rejected").ConfigureAwait(false);
    }

    private static async Task CompleteAsync(CommandContext c, SymbolSpec spec, OrderSendResult result)
    {
        var cmd = c.Command;
        // The EA waits, then re-reads SL/TP from the position: they are reported as found, 0 when it is gone.
        await c.Host.SleepAsync(VerifyDelay, c.Cancellation).ConfigureAwait(false);
        var position = c.Terminal.FindPosition(result.Order);
        var sl = position?.Sl ?? 0;
        var tp = position?.Tp ?? 0;
        var verified = sl != 0 && tp != 0;
        await c.CompletedAsync(EaCommandResponses.OpenCompleted(result.Order, result.Price, result.Volume, sl, tp, verified)).ConfigureAwait(false);
        if (!verified || Math.Abs(sl - cmd.Sl) > spec.Point / 2 || Math.Abs(tp - cmd.Tp) > spec.Point / 2)
        {
            await c.LogAsync("WARNING", "SL/TP not set correctly", $"Ticket {result.Order} - Requested SL={Mql.F5(cmd.Sl)} TP={Mql.F5(cmd.Tp)}, Got SL={Mql.F5(sl)} TP={Mql.F5(tp)}").ConfigureAwait(false);
        }
        await c.LogAsync("INFO", "Command executed successfully", $"OPEN_TRADE: {cmd.OrderType} {cmd.Symbol} {Mql.F2(result.Volume)} @ {Mql.F5(result.Price)}, Ticket: {result.Order}, SL: {Mql.F5(sl)}, TP: {Mql.F5(tp)}").ConfigureAwait(false);
    }

    private static Task LogRejectedAsync(CommandContext c, uint retcode, double volume) =>
        c.LogAsync("ERROR", "Order rejected by broker", $"Retcode {retcode} ({TradeCodes.RetcodeDescription(retcode)}) - {c.Command.OrderType} {c.Command.Symbol} {Mql.F2(volume)} | SL:{Mql.F5(c.Command.Sl)} TP:{Mql.F5(c.Command.Tp)}");
}
