using System.Net.Sockets;
using System.Text;
using NgTradingBot.AppHost.Hosting.Processes;

namespace NgTradingBot.AppHost.Hosting.Resources;

/// <summary>
/// A Redis server with AOF persistence in the AppHost's data folder, or an existing server given as
/// <c>ConnectionStrings:{name}</c>. AOF is what lets the gateway answer 200 once data is in Redis.
/// </summary>
public sealed class RedisResource(string name, int port, string? externalConnectionString)
    : ProcessResource(name), IResourceWithConnectionString
{
    public int Port { get; } = port;

    public bool IsExternal => externalConnectionString is not null;

    public string ConnectionString => externalConnectionString ?? $"127.0.0.1:{Port},ssl=false";

    public override IEnumerable<string> DescribeEndpoints() =>
        [IsExternal ? "external server (ConnectionStrings:" + Name + ")" : $"tcp://127.0.0.1:{Port} (AOF)"];

    internal override async Task StartAsync(AppHostContext context, CancellationToken cancellationToken)
    {
        if (!IsExternal)
        {
            var server = ExecutableLocator.Find("redis-server", context.Options.RedisServerPath, "/usr/bin/redis-server", "/usr/sbin/redis-server")
                ?? throw new PrerequisiteMissingException(
                    "redis-server was not found (looked at AppHost:RedisServerPath, PATH, /usr/bin). Install it with: sudo apt-get install -y redis-server "
                    + "(or set AppHost:RedisServerPath, or give ConnectionStrings:redis).");
            ThrowIfPortInUse(Port, "tcp");
            var dataDir = Path.Combine(context.DataDirectory, Name);
            Directory.CreateDirectory(dataDir);
            await StartProcessAsync(context, new ProcessSpec(server,
                ["--port", Port.ToString(), "--bind", "127.0.0.1", "--dir", dataDir, "--daemonize", "no",
                 "--appendonly", "yes", "--appendfsync", context.Options.RedisAppendFsync, "--save", "", "--logfile", ""],
                dataDir, new Dictionary<string, string>(), Signals.SigTerm), TimeSpan.FromSeconds(15), cancellationToken);
        }
        else
        {
            SetState(ResourceState.Starting, "connecting to the configured server");
        }

        await WaitUntilHealthyAsync(cancellationToken);
        SetState(ResourceState.Running);
        MarkReady();
    }

    protected override async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        var endpoint = ConnectionString.Split(',')[0];
        var separator = endpoint.LastIndexOf(':');
        var host = separator > 0 ? endpoint[..separator] : endpoint;
        var port = separator > 0 ? int.Parse(endpoint[(separator + 1)..]) : 6379;
        try
        {
            using var client = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await client.ConnectAsync(host, port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token);
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            // -NOAUTH also proves the server is up; the client brings the password.
            var reply = Encoding.ASCII.GetString(buffer, 0, read);
            return reply.StartsWith("+PONG", StringComparison.Ordinal) || reply.StartsWith("-NOAUTH", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return false;
        }
    }
}
