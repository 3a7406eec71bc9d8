using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace NgTradingBot.Bench;

/// <summary>
/// An OTLP/HTTP endpoint that accepts and discards what the services export, so a run pays for its telemetry
/// as it does beside the dashboard, without a dashboard taking CPU from the system under test.
/// </summary>
public sealed class OtlpSink : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _bytesBySignal = new();

    public OtlpSink()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Endpoint = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}";
        }
        _listener.Prefixes.Add(Endpoint + "/");
        _listener.Start();
        _ = Task.Run(AcceptAsync);
    }

    public string Endpoint { get; }

    /// <summary>What the services exported, by signal (the OTLP path: /v1/traces, /v1/metrics, /v1/logs).</summary>
    public IReadOnlyDictionary<string, long> ReceivedBytes => new Dictionary<string, long>(_bytesBySignal);

    private async Task AcceptAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            var buffer = new byte[81920];
            int read;
            var signal = context.Request.Url!.AbsolutePath;
            while ((read = await context.Request.InputStream.ReadAsync(buffer)) > 0)
            {
                _bytesBySignal.AddOrUpdate(signal, read, (_, total) => total + read);
            }
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}
