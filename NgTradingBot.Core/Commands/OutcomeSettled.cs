using NgTradingBot.Handoff;
using StackExchange.Redis;

namespace NgTradingBot.Core.Commands;

/// <summary>What follows the commit of resolved outcomes: the metrics, the announcement to waiting callers, and Redis retiring each command's delivered attempt.</summary>
public static class OutcomeSettled
{
    public static async Task RetireAsync(IReadOnlyList<OutcomeResolver.Resolution> resolved, RedisCommandQueue queue, CommandOptions options,
        CommandMetrics metrics, CommandChanges changes, ILogger? logger = null)
    {
        await changes.PublishAsync([.. resolved.Select(r => (r.CommandId, r.Status))]);
        foreach (var group in resolved.GroupBy(r => r.Status))
        {
            metrics.Transitioned(group.Key, group.Count());
        }

        try
        {
            await Task.WhenAll(resolved.Select(r => queue.RetireAsync(r.WireId, options.RetainFinishedFor)));
        }
        catch (Exception ex) when (logger is not null && ex is RedisException or TimeoutException)
        {
            // PostgreSQL holds the outcome; without an expiry Redis only keeps the finished attempt's hash longer.
            logger.LogWarning("{Count} resolved commands were not retired in Redis: {Error}", resolved.Count, ex.Message);
        }
    }
}
