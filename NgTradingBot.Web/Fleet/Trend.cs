namespace NgTradingBot.Web.Fleet;

/// <summary>The last <see cref="Capacity"/> values of a figure, oldest first: what a sparkline draws.</summary>
public sealed class Trend
{
    public const int Capacity = 30;

    private readonly Queue<double> _values = new(Capacity);

    public double? Latest { get; private set; }

    public void Add(double value)
    {
        if (_values.Count == Capacity)
        {
            _values.Dequeue();
        }
        _values.Enqueue(value);
        Latest = value;
    }

    public IReadOnlyList<double> Values => [.. _values];
}
