namespace NgTradingBot.EaSimulator;

/// <summary>The most recent exchanges, oldest first, bounded so a long run does not grow without limit.</summary>
internal sealed class RequestJournal(int capacity)
{
    private readonly Lock _gate = new();
    private readonly Queue<EaExchange> _entries = new();

    public void Add(EaExchange exchange)
    {
        if (capacity == 0)
        {
            return;
        }
        lock (_gate)
        {
            if (_entries.Count == capacity)
            {
                _entries.Dequeue();
            }
            _entries.Enqueue(exchange);
        }
    }

    public IReadOnlyList<EaExchange> Snapshot()
    {
        lock (_gate)
        {
            return [.. _entries];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }
}
