using System.Diagnostics;
using System.Net.Http.Headers;

namespace NgTradingBot.EaSimulator;

/// <summary>What WebRequest returned: the status (or -1), the body as the EA decodes it, and GetLastError().</summary>
internal sealed record EaResponse(int Status, string Body, int LastError)
{
    public bool Ok => Status == 200;
}

/// <summary>
/// MQL5 WebRequest over one shared HttpClient: POST, <c>Content-Type: application/json</c>, the optional
/// X-API-Key header, a per-call timeout, and every failure folded into status -1. Faults are injected here.
/// Timeouts run on real time whatever clock the EA uses, because the network does.
/// </summary>
internal sealed class EaHttpTransport(HttpClient http, EaOptions options, EaStatistics statistics, RequestJournal journal)
{
    private readonly FaultInjector _faults = new(options.Faults, options.Seed);

    public async Task<EaResponse> PostAsync(string route, string url, string body, string? apiKeyHeader, TimeSpan timeout, CancellationToken ct)
    {
        var bytes = EaEncoding.ToWire(body);
        var at = options.TimeProvider.GetUtcNow();
        var started = Stopwatch.GetTimestamp();
        string? fault = null;
        var status = -1;
        var lastError = 0;
        var text = "";
        var received = 0;
        // The aimed failure first, so a route without one leaves the seeded draws as they were.
        if (_faults.FailsFirst(route) || _faults.Disconnect())
        {
            fault = "disconnected";
            lastError = TradeCodes.ErrWebRequestFailed;
        }
        else
        {
            // Drawn up front so a reply held back past the timeout is still labelled as the injected fault.
            var slowReply = _faults.SlowReplyDelay();
            fault = slowReply > TimeSpan.Zero ? "slow" : null;
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            cts.CancelAfter(timeout);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(bytes) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.TryAddWithoutValidation("User-Agent", options.UserAgent);
                if (apiKeyHeader is not null)
                {
                    request.Headers.TryAddWithoutValidation("X-API-Key", apiKeyHeader);
                }
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cts.Token).ConfigureAwait(false);
                var payload = await response.Content.ReadAsByteArrayAsync(cts.Token).ConfigureAwait(false);
                received = payload.Length;
                if (slowReply > TimeSpan.Zero)
                {
                    await Task.Delay(slowReply, cts.Token).ConfigureAwait(false);
                }
                if (_faults.DropResponse())
                {
                    fault = "dropped";
                    lastError = TradeCodes.ErrWebRequestFailed;
                }
                else
                {
                    status = (int)response.StatusCode;
                    text = EaEncoding.FromWire(payload);
                }
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                lastError = TradeCodes.ErrWebRequestTimeout;
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or UriFormatException)
            {
                lastError = TradeCodes.ErrWebRequestFailed;
            }
        }
        var duration = Stopwatch.GetElapsedTime(started);
        statistics.RecordExchange(route, status, bytes.Length, received, duration);
        if (fault is not null)
        {
            statistics.RecordFault(fault);
        }
        journal.Add(new EaExchange(at, route, url, bytes, apiKeyHeader, status, text, duration, fault));
        return new EaResponse(status, text, lastError);
    }
}
