using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using NgTradingBot.EaGateway.CoreApi;

namespace NgTradingBot.EaGateway.Heartbeat;

/// <summary>
/// The subscription lists of accounts due a recovery, fetched from Core (the list /api/symbols returns) at most
/// once at a time per account. A heartbeat waits for the fetch only <see cref="HeartbeatOptions.SymbolListWait"/>;
/// a slower answer stays here for the account's next heartbeat. Each list is handed out once (the next recovery
/// asks Core afresh) and dropped after <see cref="HeartbeatOptions.SymbolListKeepTime"/> if nobody takes it, so
/// memory holds at most one list per account being recovered.
/// </summary>
public sealed class SubscriptionLists(IOptions<HeartbeatOptions> options, TimeProvider time, ILogger<SubscriptionLists> logger)
{
    private readonly ConcurrentDictionary<long, Task<IReadOnlyList<string>?>> _fetches = new();

    /// <summary>The account's list, or null while it is still on its way or could not be fetched.</summary>
    public async Task<IReadOnlyList<string>?> TakeAsync(long login, CoreEaClient core)
    {
        var fetch = _fetches.GetOrAdd(login, _ => StartFetch(login, core));
        if (!fetch.IsCompleted)
        {
            await Task.WhenAny(fetch, Task.Delay(options.Value.SymbolListWait, time));
        }
        if (!fetch.IsCompleted)
        {
            return null;
        }
        _fetches.TryRemove(new KeyValuePair<long, Task<IReadOnlyList<string>?>>(login, fetch));
        return await fetch;
    }

    private Task<IReadOnlyList<string>?> StartFetch(long login, CoreEaClient core)
    {
        var fetch = FetchAsync(login, core);
        _ = ForgetUncollectedAsync(login, fetch);
        return fetch;
    }

    // Not tied to the heartbeat's request: a fetch that outlives it serves the next one. The HTTP client's
    // resilience handler bounds how long it can take.
    private async Task<IReadOnlyList<string>?> FetchAsync(long login, CoreEaClient core)
    {
        try
        {
            return (await core.GetSymbolsAsync(login, CancellationToken.None)).Symbols;
        }
        catch (Exception ex)
        {
            // Whatever went wrong, the heartbeat goes out without the list and a later one tries again.
            logger.LogWarning("Could not fetch the subscription list of account {Login} to recover its streaming: {Error}", login, ex.Message);
            return null;
        }
    }

    private async Task ForgetUncollectedAsync(long login, Task<IReadOnlyList<string>?> fetch)
    {
        await fetch;
        await Task.Delay(options.Value.SymbolListKeepTime, time);
        _fetches.TryRemove(new KeyValuePair<long, Task<IReadOnlyList<string>?>>(login, fetch));
    }
}
