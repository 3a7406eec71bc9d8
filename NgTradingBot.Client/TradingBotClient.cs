using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace NgTradingBot.Client;

/// <summary>
/// Core's API for strategy code: send orders and commands, wait for their outcome, cancel them. Every call sends
/// the key (<c>Authorization: Bearer</c>); every refusal is a <see cref="TradingBotApiException"/> with Core's reason.
/// </summary>
/// <example>
/// <code>
/// using var bot = new TradingBotClient(new Uri("http://localhost:9910"), apiKey);
/// var order = await bot.CreateOrderAsync(12345678, new OrderRequest("EURUSD", OrderSide.Buy, StopLoss: 1.0790m, TakeProfit: 1.0860m));
/// var outcome = await bot.WaitForOutcomeAsync(order.Id, TimeSpan.FromSeconds(30));
/// Console.WriteLine($"{outcome.Status}: ticket {outcome.Ticket}");
/// </code>
/// </example>
public class TradingBotClient : IDisposable
{
    /// <summary>The longest single wait Core grants; longer waits are several in a row.</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(60);

    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;

    /// <summary>Uses <paramref name="http"/> as it is (its base address must be Core's); the key goes on every request.</summary>
    public TradingBotClient(HttpClient http, string apiKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        _http = http;
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        // A long poll holds the request up to LongestWait.
        if (_http.Timeout < LongestWait + TimeSpan.FromSeconds(30))
        {
            _http.Timeout = LongestWait + TimeSpan.FromSeconds(30);
        }
    }

    public TradingBotClient(Uri coreUrl, string apiKey) : this(new HttpClient { BaseAddress = coreUrl }, apiKey) => _ownsHttp = true;

    /// <summary>
    /// Sends a market order. Give an <paramref name="idempotencyKey"/> to make a retried call safe: the same key and
    /// order return the first command instead of a second order.
    /// </summary>
    public Task<Command> CreateOrderAsync(long login, OrderRequest order, string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
        CreateCommandAsync(login, ToCommand(order), idempotencyKey, cancellationToken);

    /// <summary>
    /// Sends up to Core's batch limit (100 by default) of orders for one account in one request, stored in one
    /// commit and queued in their order; returns them in that order. All or nothing: a refusal stores none. Give an
    /// <paramref name="idempotencyKey"/> to make a retried call safe: order <c>i</c> is sent with the key <c>{idempotencyKey}/{i}</c>.
    /// </summary>
    public Task<IReadOnlyList<Command>> CreateOrdersAsync(long login, IReadOnlyList<OrderRequest> orders, string? idempotencyKey = null,
        CancellationToken cancellationToken = default) =>
        CreateCommandsAsync(login, [.. orders.Select((order, i) => new BatchedCommand(ToCommand(order), idempotencyKey is null ? null : $"{idempotencyKey}/{i}"))],
            cancellationToken);

    /// <summary>Sends several commands for one account in one request; see <see cref="CreateOrdersAsync"/>.</summary>
    public Task<IReadOnlyList<Command>> CreateCommandsAsync(long login, IReadOnlyList<BatchedCommand> commands, CancellationToken cancellationToken = default) =>
        SendAsync<IReadOnlyList<Command>>(new HttpRequestMessage(HttpMethod.Post, $"/api/accounts/{login}/commands/batch")
        {
            Content = JsonContent.Create(new { commands = commands.Select(c => new { idempotencyKey = c.IdempotencyKey, command = Body(c.Command) }) }, options: Json),
        }, cancellationToken);

    private static CommandRequest ToCommand(OrderRequest order)
    {
        var payload = new Dictionary<string, object>
        {
            ["symbol"] = order.Symbol,
            ["order_type"] = order.Side == OrderSide.Buy ? "BUY" : "SELL",
            ["volume"] = order.Volume,
            ["sl"] = order.StopLoss,
            ["tp"] = order.TakeProfit,
        };
        if (order.Comment is not null)
        {
            payload["comment"] = order.Comment;
        }
        return new CommandRequest("OPEN_TRADE", payload, order.Priority, WholeSeconds(order.ExpiresIn), order.CreatedBy)
        {
            TtlSeconds = WholeSeconds(order.TimeToLive),
            SignalAt = order.SignalAt,
            SignalPrice = order.SignalPrice,
            MaxPriceDeviation = order.MaxPriceDeviation,
        };
    }

    private static int? WholeSeconds(TimeSpan? span) => span is { } value ? Math.Max(1, (int)Math.Ceiling(value.TotalSeconds)) : null;

    /// <summary>Sends any command; see <see cref="CreateOrderAsync"/> for the idempotency key.</summary>
    public async Task<Command> CreateCommandAsync(long login, CommandRequest command, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/accounts/{login}/commands")
        {
            Content = JsonContent.Create(Body(command), options: Json),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return await SendAsync<Command>(request, cancellationToken);
    }

    private static object Body(CommandRequest command) => new
    {
        type = command.Type,
        priority = command.Priority,
        payload = command.Payload,
        expiresInSeconds = command.ExpiresInSeconds,
        createdBy = command.CreatedBy,
        ttlSeconds = command.TtlSeconds,
        signalAt = command.SignalAt,
        signalPrice = command.SignalPrice,
        maxPriceDeviation = command.MaxPriceDeviation,
    };

    /// <summary>The command as it is now, with its transitions.</summary>
    public Task<Command> GetCommandAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync<Command>(new HttpRequestMessage(HttpMethod.Get, $"/api/commands/{Uri.EscapeDataString(id)}"), cancellationToken);

    /// <summary>
    /// Waits until the command is final (COMPLETED, FAILED, EXPIRED, TIMED_OUT, CANCELLED) or <paramref name="timeout"/>
    /// passes, and returns it as it is then: check <see cref="Command.IsFinal"/>. Core answers the moment the outcome is
    /// stored; no polling interval adds to it.
    /// </summary>
    public async Task<Command> WaitForOutcomeAsync(string id, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            var wait = left < LongestWait ? left : LongestWait;
            var milliseconds = Math.Max(0, (long)wait.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            var command = await SendAsync<Command>(
                new HttpRequestMessage(HttpMethod.Get, $"/api/commands/{Uri.EscapeDataString(id)}?wait={milliseconds}ms"), cancellationToken);
            if (command.IsFinal || DateTime.UtcNow >= deadline)
            {
                return command;
            }
        }
    }

    /// <summary>
    /// The outcome of each of <paramref name="ids"/> (one account's, in that order), followed through
    /// <paramref name="watch"/>: one open stream instead of a request per command. Open the watch before creating the
    /// commands. When the stream says it dropped changes (<see cref="CommandWatch.MissedChanges"/>), the commands not
    /// seen final yet are read again at once. One not seen final within <paramref name="timeout"/> is read once at the
    /// end, as it is then: check <see cref="Command.IsFinal"/>.
    /// </summary>
    public async Task<IReadOnlyList<Command>> WaitForOutcomesAsync(CommandWatch watch, IReadOnlyList<string> ids, TimeSpan timeout,
        CancellationToken cancellationToken = default)
    {
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        var final = new Dictionary<string, Command>(StringComparer.Ordinal);
        var missedSeen = watch.MissedChanges;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await foreach (var change in watch.ReadAllAsync(deadline.Token))
            {
                // The command as stored when the change was sent may be final already, though the change was an earlier step.
                if (wanted.Contains(change.Id) && change.Command.IsFinal)
                {
                    final.TryAdd(change.Id, change.Command);
                }
                if (watch.MissedChanges != missedSeen && final.Count < wanted.Count)
                {
                    // The final changes of the others may have been among those dropped.
                    missedSeen = watch.MissedChanges;
                    foreach (var read in (await ReadUnfinishedAsync(deadline.Token)).Where(read => read.IsFinal))
                    {
                        final[read.Id] = read;
                    }
                }
                if (final.Count == wanted.Count)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The time is up; the rest are read below.
        }

        foreach (var read in await ReadUnfinishedAsync(cancellationToken))
        {
            final[read.Id] = read;
        }
        return [.. ids.Select(id => final[id])];

        async Task<List<Command>> ReadUnfinishedAsync(CancellationToken token)
        {
            var reads = new List<Command>();
            foreach (var id in wanted.Where(id => !final.ContainsKey(id)))
            {
                reads.Add(await GetCommandAsync(id, token));
            }
            return reads;
        }
    }

    /// <summary>
    /// Opens a watch of the account's command changes (every transition of every command, as it is stored); it is
    /// open when this returns. Read it with <see cref="CommandWatch.ReadAllAsync"/>, dispose it to close it.
    /// </summary>
    public async Task<CommandWatch> WatchCommandsAsync(long login, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/accounts/{login}/commands/events");
        // Headers only: the stream stays open for as long as the caller reads, beyond the client's timeout.
        var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        try
        {
            if (!response.IsSuccessStatusCode)
            {
                throw await ErrorAsync(response, cancellationToken);
            }
            return new CommandWatch(response, await response.Content.ReadAsStreamAsync(cancellationToken));
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>Cancels a command not yet delivered; a delivered one is refused with <see cref="ApiErrorKind.Conflict"/>.</summary>
    public Task<Command> CancelAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync<Command>(new HttpRequestMessage(HttpMethod.Post, $"/api/commands/{Uri.EscapeDataString(id)}/cancel"), cancellationToken);

    /// <summary>The account's commands, newest first.</summary>
    public Task<IReadOnlyList<Command>> ListCommandsAsync(long login, string? status = null, int? limit = null, CancellationToken cancellationToken = default)
    {
        var query = new List<string>();
        if (status is not null)
        {
            query.Add("status=" + Uri.EscapeDataString(status));
        }
        if (limit is not null)
        {
            query.Add("limit=" + limit.Value.ToString(CultureInfo.InvariantCulture));
        }
        var path = $"/api/accounts/{login}/commands" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
        return SendAsync<IReadOnlyList<Command>>(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);
    }

    protected async Task<T> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken, JsonSerializerOptions? options = null)
    {
        using (request)
        using (var response = await _http.SendAsync(request, cancellationToken))
        {
            if (!response.IsSuccessStatusCode)
            {
                throw await ErrorAsync(response, cancellationToken);
            }
            return (await response.Content.ReadFromJsonAsync<T>(options ?? Json, cancellationToken))!;
        }
    }

    private static async Task<TradingBotApiException> ErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var body = JsonDocument.Parse(text);
            if (body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("message", out var message) && message.GetString() is { } reason)
            {
                return new TradingBotApiException(response.StatusCode, reason);
            }
        }
        catch (JsonException)
        {
        }
        return new TradingBotApiException(response.StatusCode, $"Core answered {(int)response.StatusCode} {response.ReasonPhrase}");
    }

    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
        GC.SuppressFinalize(this);
    }
}
