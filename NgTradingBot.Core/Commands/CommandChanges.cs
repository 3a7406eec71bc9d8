using System.Collections.Concurrent;
using StackExchange.Redis;
using Npgsql;
using NgTradingBot.Core.Ingest;
using NgTradingBot.Handoff;

namespace NgTradingBot.Core.Commands;

/// <summary>
/// Tells every Core instance that a command changed state once the change is committed: this instance's own
/// listeners at once, the others (and Web) through Redis pub/sub. A caller waiting for an outcome wakes as soon as
/// the EA's answer is stored, and an account's event stream sees every transition. A lost message costs only
/// latency: waiters also look again now and then.
/// </summary>
public sealed class CommandChanges(IConnectionMultiplexer redis, NpgsqlDataSource database, ILogger<CommandChanges> logger) : IHostedService
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Action<CommandChange>>> _byCommand = new();
    private readonly ConcurrentDictionary<long, ConcurrentDictionary<Guid, CommandChangeBacklog>> _byAccount = new();
    private readonly Lock _watchLock = new();

    private readonly string _instance = Guid.NewGuid().ToString("N");

    /// <summary>Announces a committed transition; never throws (Redis down only delays other instances' waiters).</summary>
    /// <param name="endToEndMs">Created to stored, for a final answer (see <see cref="CommandChange.EndToEndMs"/>).</param>
    public async Task PublishAsync(string id, long login, string status, double? endToEndMs = null)
    {
        var change = new CommandChange(id, login, status, _instance, endToEndMs);
        Dispatch(change);
        try
        {
            // Not waiting for Redis's count of receivers: the announcement leaves in order on the shared connection.
            await redis.GetSubscriber().PublishAsync(CommandChangeChannel.Channel, CommandChangeChannel.Serialize(change), CommandFlags.FireAndForget);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogDebug("Could not announce command {CommandId} -> {Status}: {Error}", id, status, ex.Message);
        }
    }

    /// <summary>
    /// Announces committed transitions made where the accounts' logins are not at hand (the sweeps, the outcome
    /// resolver): one query finds them. Never throws.
    /// </summary>
    public async Task PublishAsync(IReadOnlyCollection<(string Id, string Status)> changed)
    {
        if (changed.Count == 0)
        {
            return;
        }

        try
        {
            await using var lookup = database.CreateCommand("SELECT c.id, a.login FROM commands c JOIN accounts a ON a.id = c.account_id WHERE c.id = ANY($1)");
            lookup.Parameters.AddValue(changed.Select(c => c.Id).Distinct().ToArray());
            var logins = (await lookup.ReadAllAsync(row => (Id: row.GetString(0), Login: row.GetInt64(1)))).ToDictionary(r => r.Id, r => r.Login);
            await Task.WhenAll(changed.Where(c => logins.ContainsKey(c.Id)).Select(c => PublishAsync(c.Id, logins[c.Id], c.Status)));
        }
        catch (NpgsqlException ex)
        {
            logger.LogDebug("Could not announce {Count} command changes: {Error}", changed.Count, ex.Message);
        }
    }

    /// <summary>Calls <paramref name="onChange"/> for each change of this command until the subscription is disposed.</summary>
    public IDisposable WatchCommand(string id, Action<CommandChange> onChange) => Watch(_byCommand, id, onChange);

    /// <summary>
    /// Every change of the account's commands, until the subscription is disposed; a reader more than
    /// <paramref name="backlog"/> changes behind loses the oldest, and is told how many (<see cref="CommandChangeBacklog"/>).
    /// </summary>
    public IDisposable WatchAccount(long login, int backlog, out CommandChangeBacklog changes)
    {
        var unsent = new CommandChangeBacklog(backlog);
        changes = unsent;
        var subscription = Watch(_byAccount, login, unsent);
        return new Unsubscribe(() =>
        {
            subscription.Dispose();
            unsent.Complete();
        });
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        CommandChangeChannel.SubscribeInBackground(redis, logger, change =>
        {
            if (change.Origin != _instance)
            {
                Dispatch(change);
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Dispatch(CommandChange change)
    {
        if (_byCommand.TryGetValue(change.Id, out var commandWatchers))
        {
            foreach (var watcher in commandWatchers.Values)
            {
                watcher(change);
            }
        }

        if (_byAccount.TryGetValue(change.Login, out var accountWatchers))
        {
            foreach (var backlog in accountWatchers.Values)
            {
                backlog.Add(change);
            }
        }
    }

    private Unsubscribe Watch<TKey, TWatcher>(ConcurrentDictionary<TKey, ConcurrentDictionary<Guid, TWatcher>> watchers, TKey key, TWatcher watcher)
        where TKey : notnull
    {
        var token = Guid.NewGuid();
        // Adding and removing under one lock: an empty set is dropped (no growth per command ever waited on)
        // without a concurrent watcher of the same key landing in the set being dropped.
        lock (_watchLock)
        {
            watchers.GetOrAdd(key, _ => new()).TryAdd(token, watcher);
        }
        return new Unsubscribe(() =>
        {
            lock (_watchLock)
            {
                if (watchers.TryGetValue(key, out var set) && set.TryRemove(token, out _) && set.IsEmpty)
                {
                    watchers.TryRemove(key, out _);
                }
            }
        });
    }

    private sealed class Unsubscribe(Action action) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                action();
            }
        }
    }
}
