namespace NgTradingBot.EaSimulator;

/// <summary>
/// The EA's <c>subscribedSymbols</c> array and <c>symbolCount</c>, updated the way LoadSubscribedSymbols and
/// ParseAndUpdateSymbols do it: sized by counting commas, filled with the quoted tokens. A heartbeat list is
/// written over the old array in place while still being compared against it, so a reordered list yields false
/// "new" symbols and a shrunk one can read past the end, which unloads the real EA (contract 5.6.1).
/// Mutated only on the EA's thread; <see cref="Symbols"/> may be read from anywhere.
/// </summary>
internal sealed class SubscriptionList
{
    private string[] _array = [];
    private int _count;
    private IReadOnlyList<string> _published = [];

    public IReadOnlyList<string> Symbols => Volatile.Read(ref _published);

    public void Clear()
    {
        _array = [];
        _count = 0;
        Publish();
    }

    public void Load(string arrayText)
    {
        _array = new string[CountFor(arrayText)];
        _count = 0;
        if (_array.Length > 0)
        {
            foreach (var symbol in EaResponseParser.QuotedTokens(arrayText))
            {
                Store(symbol, "LoadSubscribedSymbols");
            }
        }
        Publish();
    }

    public async Task ReplaceAsync(string arrayText, Func<string, Task> onNewSymbol)
    {
        var count = CountFor(arrayText);
        var oldCount = _count;
        var resized = new string[count];
        Array.Copy(_array, resized, Math.Min(count, _array.Length));
        _array = resized;
        _count = 0;
        if (count == 0)
        {
            Publish();
            return;
        }
        foreach (var symbol in EaResponseParser.QuotedTokens(arrayText))
        {
            var isNew = true;
            for (var i = 0; i < oldCount; i++)
            {
                if (i >= _array.Length)
                {
                    throw new EaRuntimeException("array out of range in 'ParseAndUpdateSymbols'");
                }
                if (_array[i] == symbol)
                {
                    isNew = false;
                    break;
                }
            }
            Store(symbol, "ParseAndUpdateSymbols");
            Publish();
            if (isNew)
            {
                await onNewSymbol(symbol).ConfigureAwait(false);
            }
        }
        Publish();
    }

    private void Store(string symbol, string function)
    {
        if (_count >= _array.Length)
        {
            throw new EaRuntimeException($"array out of range in '{function}'");
        }
        _array[_count++] = symbol;
    }

    private void Publish() => Volatile.Write(ref _published, _array.Take(_count).ToArray());

    private static int CountFor(string arrayText) => arrayText.Length < 2 ? 0 : 1 + arrayText.Count(c => c == ',');
}
