using System.Text.Json;
using Npgsql;

namespace NgTradingBot.Core.Ingest.Writes;

/// <summary>
/// What a batch (or, when a batch is retried message by message, one message) will write, gathered in
/// memory so the hot kinds cost a handful of statements per batch instead of several per message.
/// Receipts make every stored message idempotent; failures are the dead letters.
/// </summary>
public sealed class IngestWrites(QuoteCache cache, IngestWritePolicy policy, IngestWrites? parent = null)
{
    private readonly Dictionary<(long AccountId, string Symbol), Quote> _stagedQuotes = [];
    private readonly List<(string Id, string Kind, string? Effects)> _receipts = [];
    private readonly List<(string Id, string Kind, long? AccountId, string Error, byte[] Payload)> _failures = [];

    public ConnectionActivity Connections { get; } = new();

    public AccountStates AccountStates { get; } = new(policy.EquitySampleInterval);

    public TickRows Ticks { get; } = new();

    public PositionProfits Positions { get; } = new(policy.ClosePositionsMissingFor);

    public CommandRows Commands { get; } = new();

    /// <summary>Positions to link to their OPEN_TRADE once the batch committed (<see cref="Trades.TradeStore.LinkToOpeningCommandsAsync"/>).</summary>
    public HashSet<(long AccountId, long Ticket)> PositionsToLink { get; } = [];

    /// <summary>The writes of one message inside this batch, merged back with <see cref="Absorb"/> once stored.</summary>
    public IngestWrites ForMessage() => new(cache, policy, this);

    /// <summary>The last quote stored or about to be stored for the account and symbol.</summary>
    public bool TryGetQuote(long accountId, string symbol, out Quote quote) =>
        _stagedQuotes.TryGetValue((accountId, symbol), out quote)
        || (parent is not null ? parent.TryGetQuote(accountId, symbol, out quote) : cache.TryGet(accountId, symbol, out quote));

    /// <summary>Remembered for deduplication, but it reaches the shared cache only after the batch commits.</summary>
    public void StageQuote(long accountId, string symbol, Quote quote) => _stagedQuotes[(accountId, symbol)] = quote;

    public void Receipt(string messageId, string kind, object? effects) =>
        _receipts.Add((messageId, kind, effects is null ? null : JsonSerializer.Serialize(effects, JsonSerializerOptions.Web)));

    public void Failure(string messageId, string kind, long? accountId, string error, byte[] payload)
    {
        // PostgreSQL text cannot hold NUL, and a dead letter must always be storable.
        error = error.Replace('\0', ' ');
        kind = kind.Replace('\0', ' ');
        _failures.Add((messageId, kind, accountId, error, payload));
        Receipt(messageId, kind, new { failed = error });
    }

    /// <summary>Takes over the staged quotes of a message that was stored.</summary>
    public void Absorb(IngestWrites message)
    {
        foreach (var (key, quote) in message._stagedQuotes)
        {
            _stagedQuotes[key] = quote;
        }
        PositionsToLink.UnionWith(message.PositionsToLink);
    }

    /// <summary>After the commit: the stored quotes become the deduplication baseline.</summary>
    public void CommitQuotes()
    {
        foreach (var ((accountId, symbol), quote) in _stagedQuotes)
        {
            cache.Set(accountId, symbol, quote);
        }
    }

    /// <summary>
    /// Writes everything gathered. Account rows are locked before connection rows, the order a connect
    /// uses too, so the two never deadlock.
    /// </summary>
    public async Task FlushAsync(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        // Raw Npgsql: the hot ingest path. The statements go as one NpgsqlBatch, one round trip instead of one
        // per statement, in the order written here; the binary COPY of the ticks cannot join a batch, so it splits it.
        await using var batch = new NpgsqlBatch(connection, transaction);
        AccountStates.AddTo(batch);
        Connections.AddTo(batch);
        if (Ticks.Count > 0)
        {
            await batch.FlushAsync();
            await Ticks.FlushAsync(connection);
        }

        Positions.AddTo(batch);
        Commands.AddTo(batch);
        foreach (var failure in _failures)
        {
            batch.AddCommand("INSERT INTO ingest_failures (message_id, kind, account_id, error, payload) VALUES ($1, $2, $3, $4, $5)")
                .AddValue(failure.Id)
                .AddValue(failure.Kind)
                .AddValue(failure.AccountId)
                .AddValue(failure.Error)
                .AddValue(failure.Payload);
        }

        if (_receipts.Count > 0)
        {
            batch.AddCommand("""
                INSERT INTO ingest_receipts (message_id, kind, effects)
                SELECT id, kind, effects::jsonb FROM unnest($1, $2, $3) AS r(id, kind, effects)
                ON CONFLICT (message_id) DO NOTHING
                """)
                .AddValue(_receipts.Select(r => r.Id).ToArray())
                .AddValue(_receipts.Select(r => r.Kind).ToArray())
                .AddValue(_receipts.Select(r => r.Effects).ToArray());
        }

        await batch.FlushAsync();
        _failures.Clear();
        _receipts.Clear();
    }
}
