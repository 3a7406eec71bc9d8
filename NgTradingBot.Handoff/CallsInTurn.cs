namespace NgTradingBot.Handoff;

/// <summary>Many items to Redis, a bounded number per call, so no call holds Redis long.</summary>
public static class CallsInTurn
{
    /// <summary>
    /// Sends <paramref name="items"/> <paramref name="perCall"/> at a time, one call after the other, so the other
    /// Redis clients' commands get their turn in between. Returns what was not sent: from the first failed call on.
    /// </summary>
    public static async Task<List<T>> SendAsync<T>(List<T> items, int perCall, Func<IReadOnlyCollection<T>, Task> send, Action<Exception, int> failed)
    {
        for (var sent = 0; sent < items.Count; sent += perCall)
        {
            try
            {
                await send(items.GetRange(sent, Math.Min(perCall, items.Count - sent))).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                failed(ex, items.Count - sent);
                return items[sent..];
            }
        }
        return [];
    }
}
