using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace NgTradingBot.AppHost;

/// <summary>
/// The port of every endpoint: the product's fixed default (the EA hard-codes 9901-9903), a configured
/// override, or a free port when <see cref="AppHostOptions.DynamicPorts"/> is on. Every endpoint is
/// unproxied, so the port the orchestrator reports is the one the process itself listens on.
/// </summary>
public sealed class PortAssignments(AppHostOptions options)
{
    private readonly List<(string Resource, string Endpoint, int Port)> _assigned = [];

    public int For(string resource, string endpoint, int defaultPort)
    {
        var port = options.Ports.TryGetValue(resource, out var endpoints) && endpoints.TryGetValue(endpoint, out var configured)
            ? configured
            : options.DynamicPorts ? FreePort() : defaultPort;
        _assigned.Add((resource, endpoint, port));
        return port;
    }

    /// <summary>A port another process already holds, as one line a newcomer can act on, or null.</summary>
    public string? FindBusyPort()
    {
        foreach (var (resource, endpoint, port) in _assigned)
        {
            try
            {
                using var listener = new TcpListener(IPAddress.Any, port);
                listener.Start();
            }
            catch (SocketException)
            {
                return $"Port {port} ({resource} {endpoint}) is in use: stop the process holding it (is another instance running?) "
                    + $"or choose another with --AppHost:Ports:{resource}:{endpoint}=<port>.";
            }
        }
        return null;
    }

    // Below the ephemeral range (Linux hands out 32768-60999, Windows 49152 and up): a port the system gives for port 0
    // is one it also gives outgoing connections, and in the seconds before the service binds it another composition's
    // database or Redis client took it once ("address already in use", CI). Random, and never twice in one process, so
    // compositions started side by side (the test collections) do not meet either.
    private const int DynamicPortFloor = 20_000;
    private const int DynamicPortCeiling = 32_768;
    private static readonly ConcurrentDictionary<int, byte> Handed = new();

    private static int FreePort()
    {
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var port = Random.Shared.Next(DynamicPortFloor, DynamicPortCeiling);
            if (!Handed.TryAdd(port, 0))
            {
                continue;
            }
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Held by another program: try the next one.
            }
        }
        throw new InvalidOperationException($"No free port between {DynamicPortFloor} and {DynamicPortCeiling - 1} after 1000 tries.");
    }
}
