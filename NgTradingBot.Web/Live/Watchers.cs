using System.Collections.Concurrent;

namespace NgTradingBot.Web.Live;

/// <summary>
/// The circuits watching one feed. A watcher is removed by disposing what <see cref="Add"/> returned (a page's Dispose),
/// and one that throws (its circuit is gone) does not stop the others from hearing the news.
/// </summary>
public sealed class Watchers<T>(ILogger logger)
{
    private readonly ConcurrentDictionary<Guid, Action<T>> _watchers = new();

    public int Count => _watchers.Count;

    public IDisposable Add(Action<T> onNews)
    {
        var token = Guid.NewGuid();
        _watchers[token] = onNews;
        return new Removal(() => _watchers.TryRemove(token, out _));
    }

    public void Notify(T news)
    {
        foreach (var watcher in _watchers.Values)
        {
            try
            {
                watcher(news);
            }
            catch (Exception ex)
            {
                logger.LogDebug(ex, "A watcher of {Feed} failed", typeof(T).Name);
            }
        }
    }

    private sealed class Removal(Action remove) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                remove();
            }
        }
    }
}
