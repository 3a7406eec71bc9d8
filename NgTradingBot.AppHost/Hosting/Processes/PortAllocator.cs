using System.Net;
using System.Net.Sockets;

namespace NgTradingBot.AppHost.Hosting.Processes;

public static class PortAllocator
{
    private static readonly HashSet<int> Handed = [];

    /// <summary>A free loopback port, never the same twice in this process (tests run several apps).</summary>
    public static int GetFreePort()
    {
        lock (Handed)
        {
            while (true)
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                listener.Stop();
                if (Handed.Add(port))
                {
                    return port;
                }
            }
        }
    }

    public static bool IsInUse(int port)
    {
        try
        {
            using var client = new TcpClient();
            return client.ConnectAsync(IPAddress.Loopback, port).Wait(TimeSpan.FromMilliseconds(300));
        }
        catch (AggregateException)
        {
            return false;
        }
    }
}
