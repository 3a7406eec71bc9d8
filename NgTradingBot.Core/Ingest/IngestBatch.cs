using System.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;
using NgTradingBot.Core.Ingest.Writes;
using NgTradingBot.Core.MarketData;
using NgTradingBot.Core.Persistence;
using NgTradingBot.Core.Trades;
using NgTradingBot.Handoff;

namespace NgTradingBot.Core.Ingest;

/// <summary>
/// Stores one batch of stream entries in one transaction. The common case takes the fast path: every
/// message applied, the gathered writes flushed once. If any message fails for a data reason, the batch
/// is rolled back and stored again message by message, each under its own SAVEPOINT, so the bad message
/// goes to the dead letters and every other one is kept. (A savepoint per message on the fast path would
/// cost two round trips and a subtransaction per message on the hottest path, for a rare case.)
/// Transient failures (PostgreSQL unreachable) propagate: the caller retries the batch and acknowledges nothing.
/// </summary>
public sealed class IngestBatch(
    NpgsqlDataSource dataSource,
    IEnumerable<IIngestHandler> handlers,
    QuoteCache quotes,
    IngestMetrics metrics,
    IOptions<IngestOptions> options,
    IOptions<MarketDataOptions> marketData,
    ILogger<IngestBatch> logger)
{
    private readonly IngestWritePolicy _policy = new(options.Value.ClosePositionsMissingFor, marketData.Value.EquitySampleInterval);

    private readonly Dictionary<string, IIngestHandler> _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);

    private sealed record Outcome(string Kind, bool Stored);

    public async Task StoreAsync(IReadOnlyList<IngestEntry> entries)
    {
        var started = Stopwatch.GetTimestamp();
        var messages = entries.Select(e => new IngestMessage(e)).ToList();
        try
        {
            try
            {
                await RunAsync(messages, isolated: false);
            }
            catch (Exception ex) when (!IngestErrors.IsTransient(ex))
            {
                logger.LogWarning("A batch of {Count} ingest messages failed ({Error}); storing it message by message", messages.Count, ex.Message);
                metrics.BatchIsolated();
                await RunAsync(messages, isolated: true);
            }
        }
        finally
        {
            messages.ForEach(m => m.Dispose());
            metrics.BatchDuration(Stopwatch.GetElapsedTime(started));
        }
    }

    private async Task RunAsync(IReadOnlyList<IngestMessage> messages, bool isolated)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var writes = new IngestWrites(quotes, _policy);
        var (alreadyStored, accounts) = await ReadStateAsync(connection, transaction, messages, writes, isolated);
        var outcomes = new List<Outcome>();
        var afterCommit = new List<Func<Task>>();
        foreach (var message in messages.Where(m => !alreadyStored.Contains(m.Id)))
        {
            if (Reject(message, accounts) is { } reason)
            {
                writes.Failure(message.Id, message.Kind, message.Envelope?.AccountId, reason, message.Payload);
                outcomes.Add(new Outcome(message.Kind, false));
                continue;
            }

            var account = accounts[message.Envelope!.AccountId];
            if (!isolated)
            {
                await HandleAsync(connection, transaction, message, account, writes, accounts, afterCommit);
                outcomes.Add(new Outcome(message.Kind, true));
                continue;
            }

            var messageWrites = writes.ForMessage();
            await transaction.SaveAsync("message");
            try
            {
                var actions = new List<Func<Task>>();
                await HandleAsync(connection, transaction, message, account, messageWrites, accounts, actions);
                await messageWrites.FlushAsync(connection, transaction);
                await transaction.ReleaseAsync("message");
                writes.Absorb(messageWrites);
                afterCommit.AddRange(actions);
                outcomes.Add(new Outcome(message.Kind, true));
            }
            catch (Exception ex) when (!IngestErrors.IsTransient(ex, connection))
            {
                await transaction.RollBackFailedStatementAsync("message");
                logger.LogWarning("Ingest message {MessageId} ({Kind}) cannot be stored: {Error}", message.Id, message.Kind, ex.Message);
                writes.Failure(message.Id, message.Kind, account.Id, ex.Message, message.Payload);
                outcomes.Add(new Outcome(message.Kind, false));
            }
        }

        await writes.FlushAsync(connection, transaction);
        await transaction.CommitAsync();
        writes.CommitQuotes();
        await TradeStore.LinkToOpeningCommandsAsync(connection, writes.PositionsToLink, logger);
        foreach (var outcome in outcomes)
        {
            if (outcome.Stored)
            {
                metrics.Stored(outcome.Kind);
            }
            else
            {
                metrics.Failed(outcome.Kind);
            }
        }

        await RunAfterCommitAsync(afterCommit);
    }

    private async Task HandleAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IngestMessage message, IngestAccount account,
        IngestWrites writes, Dictionary<long, IngestAccount> accounts, List<Func<Task>> afterCommit)
    {
        var context = new IngestContext(connection, transaction, message, account, writes, updated => accounts[updated.Id] = updated);
        // Every data message is a sign of life, whatever its kind. The command lane's are not written as one: the
        // gateways count those requests for the health check anyway, and that lane's batches must not queue for the
        // connection row a data batch holds.
        if (message.Lane == IngestLane.Data)
        {
            writes.Connections.Seen(account.Id, context.ReceivedAt, context.Envelope.RemoteAddress);
        }
        await _handlers[message.Kind].HandleAsync(context);
        writes.Receipt(message.Id, message.Kind, context.Effects);
        afterCommit.AddRange(context.AfterCommit);
    }

    private string? Reject(IngestMessage message, Dictionary<long, IngestAccount> accounts)
    {
        if (message.Error is not null)
        {
            return message.Error;
        }

        if (!_handlers.ContainsKey(message.Kind))
        {
            return $"unknown kind '{message.Kind}'";
        }

        var envelope = message.Envelope!;
        return !accounts.TryGetValue(envelope.AccountId, out var account)
            ? $"unknown account id {envelope.AccountId}"
            : account.Login != envelope.Login ? $"account id {envelope.AccountId} is login {account.Login}, not {envelope.Login}" : null;
    }

    // Raw Npgsql: what every batch starts from, read in one round trip: which messages were stored before (receipts),
    // their accounts, and, on the fast path, every command the command lane's messages are about, locked at once
    // (message by message, each message locks its own). Arrays bound as they are, rows read by ordinal.
    private static async Task<(HashSet<string> AlreadyStored, Dictionary<long, IngestAccount> Accounts)> ReadStateAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<IngestMessage> messages, IngestWrites writes, bool isolated)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.AddCommand("SELECT message_id FROM ingest_receipts WHERE message_id = ANY($1)")
            .AddValue(messages.Select(m => m.Id).ToArray());
        batch.AddCommand("""
            SELECT a.id, a.login, a.broker, c.broker_offset_seconds
              FROM accounts a LEFT JOIN connections c ON c.account_id = a.id
             WHERE a.id = ANY($1)
            """)
            .AddValue(messages.Where(m => m.Envelope is not null).Select(m => m.Envelope!.AccountId).Distinct().ToArray());
        var locksCommands = !isolated && writes.Commands.AddLockTo(batch, messages.Where(m => m.Lane == IngestLane.Commands).Select(CommandLaneIds.CommandIdOf).OfType<string>());

        await using var reader = await batch.ExecuteReaderAsync();
        var alreadyStored = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            alreadyStored.Add(reader.GetString(0));
        }

        await reader.NextResultAsync();
        var accounts = new Dictionary<long, IngestAccount>();
        while (await reader.ReadAsync())
        {
            accounts[reader.GetInt64(0)] = new IngestAccount(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetFieldValue<int?>(3));
        }

        if (locksCommands)
        {
            await reader.NextResultAsync();
            await writes.Commands.ReadLockedAsync(reader);
        }
        return (alreadyStored, accounts);
    }

    // Side by side: each is one Redis call for one command, and a batch of hundreds awaited one after another
    // held every waiting strategy's outcome back by the whole row.
    private async Task RunAfterCommitAsync(List<Func<Task>> actions) => await Task.WhenAll(actions.Select(async action =>
    {
        try
        {
            await action();
        }
        catch (Exception ex)
        {
            // The batch is committed; these are housekeeping (e.g. a Redis expiry) and must not make it retry.
            logger.LogWarning("An after-commit ingest action failed: {Error}", ex.Message);
        }
    }));
}
