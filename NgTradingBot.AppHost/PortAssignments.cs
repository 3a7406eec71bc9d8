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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
