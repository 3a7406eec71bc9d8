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

    internal CommandWatch(HttpResponseMessage response, Stream stream)
    {
        _response = response;
        _stream = stream;
    }

    /// <summary>Each change as it arrives, until <paramref name="cancellationToken"/> ends the watch or Core closes the stream.</summary>
    public async IAsyncEnumerable<CommandUpdate> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var parser = SseParser.Create(_stream, (type, data) => type == "command" ? JsonSerializer.Deserialize<CommandUpdate>(data, Json) : null);
        await foreach (var item in parser.EnumerateAsync(cancellationToken))
        {
            if (item.Data is { } change)
            {
                yield return change;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _response.Dispose();
    }
}
