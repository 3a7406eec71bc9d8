namespace NgTradingBot.EaSimulator;

/// <summary>
/// A faithful stand-in for the deployed ServerConnector.mq5 EA and its MT5 terminal. The handlers mirror the
/// EA's event functions (OnInit, OnTimer, OnTick, OnDeinit, OnTrade/OnTradeTransaction) and, like the EA, run
/// one at a time: concurrent calls queue up. Terminal events caused by a handler (fills, stop hits) are handled
/// right after it, before the next one, as MT5 does with its single-threaded event queue.
/// </summary>
public sealed partial class SimulatedEa : IAsyncDisposable
{
    private readonly EaOptions _options;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly EaHttpTransport _transport;
    private readonly RequestJournal _journal;
    private readonly CloseReasonTracker _tracker = new();
    private readonly SubscriptionList _subscriptions = new();
    private readonly SemaphoreSlim _eaThread = new(1, 1);
    private readonly List<TickSample> _tickBuffer = [];
    private string _apiKey;
    private volatile bool _connected;
    private int _bufferedTicks;
    private long _lastHeartbeat;
    private int _transactionTimerCount;
    private int _positionSyncTimerCount;
    private long _lastTransactionCheck;
    private ProfitWindows _profitCache = ProfitWindows.Zero;
    private long _lastProfitUpdate;

    /// <param name="http">Shared client for many EAs (see <see cref="CreateHttpClient"/>); when null the EA makes and disposes its own.</param>
    public SimulatedEa(EaOptions options, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _apiKey = options.ApiKey;
        _ownsHttp = http is null;
        _http = http ?? CreateHttpClient();
        _journal = new RequestJournal(options.JournalCapacity);
        Statistics = new EaStatistics();
        _transport = new EaHttpTransport(_http, options, Statistics, _journal);
        Terminal = new EaTerminal(options, new BrokerClock(options.TimeProvider, options.BrokerUtcOffsetSeconds));
    }

    public EaOptions Options => _options;

    public long Login => _options.Login;

    /// <summary>The key in memory (and in api_key.txt): replaced by every non-empty <c>api_key</c> from /api/connect.</summary>
    public string ApiKey => _apiKey;

    /// <summary>serverConnected: false until a connect succeeds, and again after a heartbeat 403 or -1.</summary>
    public bool Connected => _connected;

    /// <summary>The subscribed symbols whose ticks the timer buffers.</summary>
    public IReadOnlyList<string> Symbols => _subscriptions.Symbols;

    public EaTerminal Terminal { get; }

    public EaStatistics Statistics { get; }

    /// <summary>The most recent exchanges (bounded by <see cref="EaOptions.JournalCapacity"/>), oldest first.</summary>
    public IReadOnlyList<EaExchange> Journal => _journal.Snapshot();

    /// <summary>Ticks waiting in the buffer (cleared only by a 200 from /api/ticks).</summary>
    public int BufferedTicks => Volatile.Read(ref _bufferedTicks);

    /// <summary>Set when a critical runtime error unloaded the EA.</summary>
    public string? CrashReason { get; private set; }

    /// <summary>Raised on the EA's thread after each command it received has been handled.</summary>
    public event Action<ExecutedCommand>? CommandExecuted;

    /// <summary>
    /// Commands (by the id received) whose /api/command_response is lost on the way: the EA executes them and reports
    /// their trades as usual, but the server never hears the answer, and the EA never sends it again (contract 5.8).
    /// </summary>
    public Func<string, bool>? LosesResponseOf { get; set; }

    /// <summary>An HttpClient set up like WebRequest: no redirects, no proxy, no cookies, timeouts per call.</summary>
    public static HttpClient CreateHttpClient(int maxConnectionsPerServer = int.MaxValue) =>
        new(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            MaxConnectionsPerServer = maxConnectionsPerServer,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        })
        { Timeout = Timeout.InfiniteTimeSpan };

    public void ClearJournal() => _journal.Clear();

    /// <summary>OnInit: connect, then (only if that worked) log, symbols, specs and history. Returns serverConnected.</summary>
    public Task<bool> InitAsync(CancellationToken ct = default) => OnEaThreadAsync(OnInitAsync, ct);

    /// <summary>One OnTimer call: buffer ticks, send them, poll and run commands, periodic transaction check and sync.</summary>
    public Task TimerAsync(CancellationToken ct = default) => OnEaThreadAsync(OnTimerAsync, ct);

    /// <summary>OnTick for a chart-symbol quote: heartbeat, or reconnect when disconnected, at most every HeartbeatInterval.</summary>
    public Task ChartTickAsync(CancellationToken ct = default) => OnEaThreadAsync(OnChartTickAsync, ct);

    /// <summary>OnDeinit: the "EA disconnecting" log when connected. Afterwards <see cref="InitAsync"/> restarts the EA.</summary>
    public Task DeinitAsync(CancellationToken ct = default) => OnEaThreadAsync(OnDeinitAsync, ct);

    /// <summary>Handles terminal events still queued (for example after <see cref="EaTerminal.ForceStopHit"/>).</summary>
    public Task TradeEventsAsync(CancellationToken ct = default) => OnEaThreadAsync(_ => Task.FromResult(true), ct);

    /// <summary>
    /// The EA attached to a live chart: OnInit, then every TimerInterval a market step (with OnTick when the chart
    /// symbol's price moved) and OnTimer; OnDeinit once <paramref name="ct"/> is cancelled. A failed first connect
    /// does not stop it: it keeps buffering and tries to reconnect on chart ticks, as the EA does.
    /// </summary>
    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            await InitAsync(ct).ConfigureAwait(false);
            using var timer = new PeriodicTimer(_options.TimerInterval, _options.TimeProvider);
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
            {
                if (Terminal.Step().Contains(_options.ChartSymbol))
                {
                    await ChartTickAsync(ct).ConfigureAwait(false);
                }
                await TimerAsync(ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (EaRuntimeException)
        {
            // Unloaded by a critical error: MT5 runs no OnDeinit.
            return;
        }
        using var deinitBudget = new CancellationTokenSource(_options.ConnectionTimeout * 2);
        await DeinitAsync(deinitBudget.Token).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
        return ValueTask.CompletedTask;
    }

    private async Task<T> OnEaThreadAsync<T>(Func<CancellationToken, Task<T>> handler, CancellationToken ct)
    {
        if (CrashReason is { } reason)
        {
            throw new EaRuntimeException(reason);
        }
        await _eaThread.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await HandleTradeEventsAsync(ct).ConfigureAwait(false);
            var result = await handler(ct).ConfigureAwait(false);
            await HandleTradeEventsAsync(ct).ConfigureAwait(false);
            return result;
        }
        catch (EaRuntimeException ex)
        {
            CrashReason = ex.Message;
            _connected = false;
            throw;
        }
        finally
        {
            _eaThread.Release();
        }
    }

    private bool CanSend => _connected && _apiKey.Length > 0;

    private long TimeCurrent() => Terminal.Clock.TimeCurrent();

    private string ServerRoute(string route) => _options.ServerUrl + route;

    private Task<EaResponse> PostAsync(string route, string url, string body, bool apiKeyHeader, CancellationToken ct, TimeSpan? timeout = null) =>
        _transport.PostAsync(route, url, body, apiKeyHeader ? _apiKey : null, timeout ?? _options.ConnectionTimeout, ct);

    private Task SleepAsync(TimeSpan delay, CancellationToken ct) =>
        _options.HonourSleeps ? Task.Delay(delay, _options.TimeProvider, ct) : Task.CompletedTask;

    private async Task SendLogAsync(string level, string message, string details, CancellationToken ct)
    {
        if (CanSend)
        {
            await PostAsync(EaRoutes.Log, _options.LogsUrl, EaRequestBodies.Log(Login, _apiKey, level, message, details), false, ct).ConfigureAwait(false);
        }
    }
}
