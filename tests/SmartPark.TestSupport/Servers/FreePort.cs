using System.Net;
using System.Net.Sockets;

namespace SmartPark.TestSupport;

public static class FreePort
{
    /// <summary>A loopback port the OS just handed out and nobody holds now.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
