namespace NgTradingBot.EaSimulator;

/// <summary>What command handlers need from the EA around them; a recording host stands in for it in tests.</summary>
internal interface ICommandHost
{
    EaTerminal Terminal { get; }

    long MagicNumber { get; }

    Task LogAsync(string level, string message, string details, CancellationToken ct);

    Task RespondAsync(string commandId, string status, string responseJson, CancellationToken ct);

    /// <summary>POSTs one /api/ohlc/historical chunk with the candles in the given order; returns the status.</summary>
    Task<int> UploadCandlesAsync(string symbol, string timeframe, IReadOnlyList<Bar> candles, CancellationToken ct);

    Task SleepAsync(TimeSpan delay, CancellationToken ct);

    /// <summary>Keeps a server-given close reason for the ticket until the position closes.</summary>
    void StoreCloseReason(ulong ticket, string reason);
}
