using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using NgTradingBot.AppHost.Hosting;

namespace NgTradingBot.IntegrationTests.Hosting;

public sealed record EaReply(int Status, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

/// <summary>Sends bodies to the gateway byte for byte as given, the way the EA's WebRequest does (POST, Windows-1252 text).</summary>
public sealed class EaWire(DistributedApplication app) : IDisposable
{
    private static readonly Encoding Windows1252 = CreateWindows1252();
    private readonly Dictionary<string, HttpClient> _clients = [];

    public static byte[] Encode(string body) => Windows1252.GetBytes(body);

    public Task<EaReply> PostAsync(string port, string path, string body, string? apiKeyHeader = null) =>
        SendAsync(HttpMethod.Post, port, path, Encode(body), apiKeyHeader);

    public async Task<EaReply> SendAsync(HttpMethod method, string port, string path, byte[]? body, string? apiKeyHeader = null, string? contentType = "application/json")
    {
        if (!_clients.TryGetValue(port, out var client))
        {
            _clients[port] = client = app.CreateHttpClient("gateway", port);
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
        var list = string.Join(',', (symbols.Length == 0 ? ["EURUSD", "GBPUSD", "XAUUSD"] : symbols).Select(s => $"\"{s}\""));
        var reply = await PostAsync("command", "/api/connect",
            $"{{\"account\":{login},\"broker\":\"{broker}\",\"platform\":\"MT5\",\"timestamp\":1730709000,\"available_symbols\":[{list}]}}");
        if (reply.Status != 200)
        {
            throw new InvalidOperationException($"connect answered {reply.Status}: {reply.Body}");
        }
        var body = reply.Body;
        var start = body.IndexOf("\"api_key\":\"", StringComparison.Ordinal) + 11;
        return body[start..body.IndexOf('"', start)];
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }

    private static Encoding CreateWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
