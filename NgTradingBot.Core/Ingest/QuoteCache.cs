namespace NgTradingBot.Core.Ingest;

public readonly record struct Quote(decimal Bid, decimal Ask);

/// <summary>
/// The last stored bid/ask per account and symbol, for dropping the EA's unchanged 50 ms samples. Only
/// committed quotes enter it (see <see cref="Writes.IngestWrites.StageQuote"/>): a quote from a rolled-back
/// batch must not suppress the same tick when the batch is retried. Used by the data lane's loop only (the command lane stores no quotes).
/// </summary>
public sealed class QuoteCache
{
    private readonly Dictionary<(long AccountId, string Symbol), Quote> _quotes = [];

    public bool TryGet(long accountId, string symbol, out Quote quote) => _quotes.TryGetValue((accountId, symbol), out quote);

    public void Set(long accountId, string symbol, Quote quote) => _quotes[(accountId, symbol)] = quote;
}
