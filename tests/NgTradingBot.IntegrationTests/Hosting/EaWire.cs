using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NgTradingBot.EaSimulator;

namespace NgTradingBot.IntegrationTests.Hosting;

public sealed record EaReply(int Status, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

/// <summary>Sends bodies to the gateway byte for byte as given, the way the EA's WebRequest does (POST, Windows-1252 text).</summary>
public sealed class EaWire(DistributedApplication app, string gateway = "gateway") : IDisposable
{
    private readonly Dictionary<string, HttpClient> _clients = [];

    /// <summary>The body's bytes as the EA sends them (the terminal's ANSI code page).</summary>
    public static byte[] Encode(string body) => EaEncoding.ToWire(body);

    public Task<EaReply> PostAsync(string port, string path, string body, string? apiKeyHeader = null) =>
        SendAsync(HttpMethod.Post, port, path, Encode(body), apiKeyHeader);

    /// <summary>
    /// The JSON of a 200; any other answer fails the test with its status and body and the services' last log lines,
    /// not with a missing property later.
    /// </summary>
    public async Task<JsonElement> PostOkAsync(string port, string path, string body)
    {
        var reply = await PostAsync(port, path, body);
        if (reply.Status == 200)
        {
            return reply.Json;
        }
        // The services' lines about this request reach the test host through the orchestrator's log stream, a moment later.
        await Task.Delay(TimeSpan.FromSeconds(2));
        throw new Xunit.Sdk.XunitException($"{path} answered {reply.Status}: {reply.Body}\n{app.Services.GetService<RecentLogs>()?.Dump("core", "gateway")}");
    }

    public async Task<EaReply> SendAsync(HttpMethod method, string port, string path, byte[]? body, string? apiKeyHeader = null, string? contentType = "application/json")
    {
        if (!_clients.TryGetValue(port, out var client))
        {
            _clients[port] = client = app.CreateHttpClient(gateway, port);
        }
        // Concatenated like the EA does: a path of "//api/x" must stay a path, not become a host.
        using var request = new HttpRequestMessage(method, new Uri(client.BaseAddress!.ToString().TrimEnd('/') + path));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            if (contentType is not null)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }
        }
        if (apiKeyHeader is not null)
        {
            request.Headers.Add("X-API-Key", apiKeyHeader);
        }
        using var response = await client.SendAsync(request);
        return new EaReply((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Registers a login the way the EA does and returns the key the gateway handed out.</summary>
    public async Task<string> ConnectAsync(long login, string broker = "Test Broker Ltd", params string[] symbols)
    {
        var reply = await PostAsync("command", "/api/connect",
            EaRequestBodies.Connect(login, broker, 1730709000, symbols.Length == 0 ? ["EURUSD", "GBPUSD", "XAUUSD"] : symbols));
        return reply.Status == 200
            ? EaResponseParser.ApiKey(reply.Body)
            : throw new InvalidOperationException($"connect answered {reply.Status}: {reply.Body}");
    }

    /// <summary>
    /// Polls as the EA does (every 50 ms) until a poll carries commands, and returns their ids in the order delivered. A
    /// command created just before can miss a poll: the gateway learns of it from an announcement, not the create's answer.
    /// </summary>
    public async Task<IReadOnlyList<string>> PollUntilCommandsAsync(long login, string key)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var reply = await PostAsync("command", "/api/get_commands", EaRequestBodies.AccountAndKey(login, key));
            if (reply.Status != 200)
            {
                throw new InvalidOperationException($"get_commands answered {reply.Status}: {reply.Body}");
            }
            var ids = EaResponseParser.Commands(reply.Body).Select(c => c.Id).ToList();
            if (ids.Count > 0)
            {
                return ids;
            }
            await Task.Delay(50, timeout.Token);
        }
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }
}
