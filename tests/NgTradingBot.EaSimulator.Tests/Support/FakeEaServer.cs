using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NgTradingBot.EaSimulator.Tests.Support;

/// <summary>
/// A minimal in-process gateway on 127.0.0.1: records every request and answers through <see cref="Responder"/>
/// (by default like app.py does). One port serves all four of the EA's URLs.
/// </summary>
internal sealed class FakeEaServer : IAsyncDisposable
{
    public const string Key = "k3y_Abc-123";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();

    private FakeEaServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public Func<ReceivedRequest, (int Status, string Body)> Responder { get; set; } = Default;

    /// <summary>Raised after a request was answered.</summary>
    public event Action<ReceivedRequest>? Received;

    public IReadOnlyList<ReceivedRequest> Requests => [.. _requests];

    public IReadOnlyList<string> Paths => [.. _requests.Select(r => r.Path)];

    public IReadOnlyList<ReceivedRequest> To(string path) => [.. _requests.Where(r => r.Path == path)];

    public void Clear() => _requests.Clear();

    public static async Task<FakeEaServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeEaServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return server;
    }

    public EaOptions Options(TimeProvider? time = null) => new()
    {
        Login = 12_345_678,
        ServerUrl = BaseUrl,
        TicksUrl = BaseUrl + EaRoutes.Ticks,
        TradesUrl = BaseUrl + EaRoutes.TradeUpdate,
        LogsUrl = BaseUrl + EaRoutes.Log,
        AvailableSymbols = ["EURUSD", "GBPUSD", "XAUUSD", "BTCUSD"],
        StartPrices = new Dictionary<string, double> { ["EURUSD"] = 1.08100, ["XAUUSD"] = 2650.00 },
        TimeProvider = time ?? new ManualTimeProvider(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero)),
        HonourSleeps = false,
        ConnectionTimeout = TimeSpan.FromSeconds(10),
        CoverageTimeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>What app.py answers (compact, sorted keys), with EURUSD and XAUUSD subscribed and full coverage.</summary>
    public static (int, string) Default(ReceivedRequest request) => request.Path switch
    {
        EaRoutes.Connect => (200, $$"""{"api_key":"{{Key}}","is_new":false,"message":"Connected successfully","status":"success","subscribed_symbols":[{"mode":"default","symbol":"EURUSD"}]}"""),
        EaRoutes.Symbols => (200, """{"count":2,"status":"success","symbols":["EURUSD","XAUUSD"]}"""),
        EaRoutes.Coverage => (200, """{"bar_count":168,"coverage_percent":100.0,"expected_bars":168,"has_data":true,"needs_update":false,"status":"success"}"""),
        EaRoutes.GetCommands => (200, """{"commands":[],"status":"success"}"""),
        EaRoutes.Ticks => (200, """{"received":2,"status":"success"}"""),
        _ => (200, """{"status":"success"}"""),
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var request = new ReceivedRequest(
            context.Request.Path.Value ?? "",
            buffer.ToArray(),
            context.Request.Headers.TryGetValue("X-API-Key", out var key) ? key.ToString() : null,
            context.Request.ContentType);
        _requests.Enqueue(request);
        var (status, body) = Responder(request);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body);
        Received?.Invoke(request);
    }
}

internal sealed record ReceivedRequest(string Path, byte[] Body, string? ApiKeyHeader, string? ContentType)
{
    public string Text => EaEncoding.Ansi.GetString(Body);

    public System.Text.Json.JsonElement Json => System.Text.Json.JsonDocument.Parse(Body).RootElement;
}
