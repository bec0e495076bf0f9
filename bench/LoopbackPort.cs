using System.Net;
using System.Net.Sockets;

namespace MasteryEngine.Bench;

/// <summary>A loopback port free at the moment of asking, for the servers and silos a bench starts beside each other.</summary>
internal static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
