using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace NgTradingBot.Client;

/// <summary>One transition of a command: the state it entered, and the command as stored when the change was sent (without its history).</summary>
public sealed record CommandUpdate(string Id, string Status, Command Command);

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
    private IAsyncEnumerator<SseItem<CommandUpdate?>>? _items;
    // A read that a cancelled ReadAllAsync left running: the next call takes its result, so no event is lost between calls.
    private Task<bool>? _pending;

    internal CommandWatch(HttpResponseMessage response, Stream stream)
    {
        _response = response;
        _stream = stream;
    }

    /// <summary>
    /// Each change as it arrives, until <paramref name="cancellationToken"/> ends this call or Core closes the stream.
    /// Calls may follow one another: each goes on where the last one stopped.
    /// </summary>
    public async IAsyncEnumerable<CommandUpdate> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        _items ??= SseParser.Create(_stream, (type, data) => type == "command" ? JsonSerializer.Deserialize<CommandUpdate>(data, Json) : null)
            .EnumerateAsync(_closed.Token).GetAsyncEnumerator(_closed.Token);
        while (true)
        {
            _pending ??= _items.MoveNextAsync().AsTask();
            var more = await _pending.WaitAsync(cancellationToken);
            _pending = null;
            if (!more)
            {
                yield break;
            }
            if (_items.Current.Data is { } change)
            {
                yield return change;
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
