using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace NgTradingBot.Client;

/// <summary>One transition of a command: the state it entered, and the command as stored when the change was sent (without its history).</summary>
public sealed record CommandUpdate(string Id, string Status, Command Command);

/// <summary>Core dropped this many changes of a watch that fell behind (its <c>missed</c> event).</summary>
internal sealed record MissedChanges(long Changes);

/// <summary>
/// An open watch of one account's command changes (Core's server-sent event stream), from
/// <see cref="TradingBotClient.WatchCommandsAsync"/>. The watch is open once that call returns, so a command created
/// after it is seen from its first transition; changes made before it are not replayed.
/// </summary>
public sealed class CommandWatch : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    private readonly HttpResponseMessage _response;
    private readonly Stream _stream;
    private readonly CancellationTokenSource _closed = new();
    private IAsyncEnumerator<SseItem<object?>>? _items;
    // A read that a cancelled ReadAllAsync left running: the next call takes its result, so no event is lost between calls.
    private Task<bool>? _pending;

    internal CommandWatch(HttpResponseMessage response, Stream stream)
    {
        _response = response;
        _stream = stream;
    }

    /// <summary>
    /// How many changes Core dropped so far because this watch fell too far behind (more than its
    /// <c>Commands:EventStreamBacklog</c>, 1 000). When it grows, a caller that counts on every transition reads the
    /// commands it follows again; it grows before the change that follows the gap is returned.
    /// </summary>
    public long MissedChanges { get; private set; }

    /// <summary>
    /// Each change as it arrives, until <paramref name="cancellationToken"/> ends this call or Core closes the stream.
    /// Calls may follow one another: each goes on where the last one stopped.
    /// </summary>
    public async IAsyncEnumerable<CommandUpdate> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        _items ??= SseParser.Create(_stream, (type, data) => type switch
            {
                "command" => JsonSerializer.Deserialize<CommandUpdate>(data, Json),
                "missed" => (object?)JsonSerializer.Deserialize<MissedChanges>(data, Json),
                _ => null,
            }).EnumerateAsync(_closed.Token).GetAsyncEnumerator(_closed.Token);
        while (true)
        {
            _pending ??= _items.MoveNextAsync().AsTask();
            var more = await _pending.WaitAsync(cancellationToken);
            _pending = null;
            if (!more)
            {
                yield break;
            }
            switch (_items.Current.Data)
            {
                case CommandUpdate change:
                    yield return change;
                    break;
                case MissedChanges missed:
                    MissedChanges += missed.Changes;
                    break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _closed.CancelAsync();
        // A read a cancelled call left running must end before the reader can be disposed; the cancellation ends it.
        if (_pending is not null)
        {
            try
            {
                await _pending;
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or HttpRequestException)
            {
            }
        }
        if (_items is not null)
        {
            await _items.DisposeAsync();
        }
        _closed.Dispose();
        await _stream.DisposeAsync();
        _response.Dispose();
    }
}
