namespace NgTradingBot.EaSimulator;

/// <summary>
/// REQUEST_HISTORICAL_DATA (contract 7.5): CopyRates for the range, uploaded in 10 000-bar chunks. As on the
/// EA, the oldest chunk goes first but each chunk runs newest to oldest; the first non-200 chunk fails it.
/// </summary>
internal static class HistoricalDataCommand
{
    public const int ChunkSize = 10_000;
    private static readonly TimeSpan ChunkPause = TimeSpan.FromMilliseconds(50);

    public static async Task ExecuteAsync(CommandContext c)
    {
        var cmd = c.Command;
        if (cmd.Symbol.Length == 0 || cmd.Timeframe.Length == 0)
        {
            await c.FailedAsync(EaCommandResponses.Error("Missing symbol or timeframe")).ConfigureAwait(false);
            return;
        }
        if (cmd.StartDate <= 0 || cmd.EndDate <= 0)
        {
            await c.FailedAsync(EaCommandResponses.Error("Invalid date range")).ConfigureAwait(false);
            return;
        }
        if (!Timeframes.TryGetSeconds(cmd.Timeframe, out _))
        {
            await c.FailedAsync(EaCommandResponses.Error("Invalid timeframe")).ConfigureAwait(false);
            return;
        }
        var bars = c.Terminal.History.Range(cmd.Symbol, cmd.Timeframe, cmd.StartDate, cmd.EndDate, c.Terminal.Clock.TimeCurrent());
        if (bars is not { Count: > 0 })
        {
            await c.FailedAsync(EaCommandResponses.HistoryCopyFailed(cmd.Symbol, cmd.Timeframe, bars is null ? -1 : 0)).ConfigureAwait(false);
            return;
        }
        foreach (var chunk in Chunks(bars))
        {
            var status = await c.Host.UploadCandlesAsync(cmd.Symbol, cmd.Timeframe, chunk, c.Cancellation).ConfigureAwait(false);
            if (status != 200)
            {
                await c.FailedAsync(EaCommandResponses.Error("Failed to send historical data to server")).ConfigureAwait(false);
                return;
            }
            await c.Host.SleepAsync(ChunkPause, c.Cancellation).ConfigureAwait(false);
        }
        await c.CompletedAsync(EaCommandResponses.HistoryCompleted(cmd.Symbol, cmd.Timeframe, bars.Count)).ConfigureAwait(false);
    }

    /// <summary>
    /// The EA's chunk loop over a series array (index 0 = newest): chunk k covers series indices
    /// [count - end, count - start) walked upwards, i.e. from newer to older bars.
    /// </summary>
    public static IEnumerable<IReadOnlyList<Bar>> Chunks(IReadOnlyList<Bar> oldestFirst)
    {
        var count = oldestFirst.Count;
        var chunks = (count + ChunkSize - 1) / ChunkSize;
        for (var chunk = 0; chunk < chunks; chunk++)
        {
            var start = chunk * ChunkSize;
            var end = Math.Min(start + ChunkSize, count);
            var list = new List<Bar>(end - start);
            for (var i = count - end; i < count - start; i++)
            {
                list.Add(oldestFirst[count - 1 - i]);
            }
            yield return list;
        }
    }
}
