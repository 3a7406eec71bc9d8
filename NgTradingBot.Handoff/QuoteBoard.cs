using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using StackExchange.Redis;

namespace NgTradingBot.Handoff;

/// <summary>
/// The last bid and ask each account posted per symbol, in one Redis hash (<see cref="EaRedisKeys.Quotes"/>, a field
/// per account and symbol), where the dequeue script checks an order's <see cref="PriceGuard"/> against them:
/// whichever gateway received the ticks, whichever one hands out the order. A post only notes its quotes; a writer
/// sends what was posted since its last write in one command. Written per post, the board was a second Redis write
/// on every tick post: in the 200-EA benchmark that cost the gateway 5-9 % of a core and its answers 20 % at p99.
/// </summary>
public sealed class QuoteBoard(IConnectionMultiplexer redis)
{
    private readonly PostedQuotes _posted = new();
    private readonly Channel<bool> _posts = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>
    /// Notes the latest quote of each symbol in a tick batch, as received at <paramref name="at"/>, for the next write.
    /// A quote lost with the gateway before its write only makes a guarded order find an older quote, or none, and expire.
    /// </summary>
    public void Post<T>(long login, IReadOnlyList<T> ticks, Func<T, PostedQuote> quoteOf, DateTimeOffset at)
    {
        if (_posted.Post(login, ticks, quoteOf, at))
        {
            _posts.Writer.TryWrite(true);
        }
    }

    /// <summary>Returns once something was posted since the last call returned (at once if it already was).</summary>
    public async Task WaitForPostsAsync(CancellationToken cancellationToken) => await _posts.Reader.ReadAsync(cancellationToken);

    /// <summary>
    /// Writes the quotes posted since the last write, <paramref name="fieldsPerCall"/> per command (Redis runs each alone,
    /// every other client waiting). When a command fails, what it and the ones after it held is kept for the next write
    /// (unless a newer quote came meanwhile) and the exception propagates. Returns how many quotes were written.
    /// </summary>
    public async Task<int> WriteAsync(int fieldsPerCall)
    {
        var quotes = _posted.Take();
        var database = redis.GetDatabase();
        Exception? failure = null;
        var unwritten = await CallsInTurn.SendAsync(quotes, fieldsPerCall,
            chunk => database.HashSetAsync(EaRedisKeys.Quotes, [.. chunk.Select(q => new HashEntry(q.Key, q.Value))]),
            (ex, _) => failure = ex).ConfigureAwait(false);
        if (failure is not null)
        {
            _posted.Restore(unwritten);
            _posts.Writer.TryWrite(true);
            ExceptionDispatchInfo.Throw(failure);
        }
        return quotes.Count;
    }
}

/// <summary>One symbol's quote as an EA posted it.</summary>
public readonly record struct PostedQuote(string Symbol, decimal Bid, decimal Ask);
