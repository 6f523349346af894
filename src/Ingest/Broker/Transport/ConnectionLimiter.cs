using System.Net;

namespace SmartPark.Ingest.Broker.Transport;

/// <summary>
/// Counts the broker's open connections, in total and per client IP address, and refuses one
/// that would go over either cap. Checked at accept, before any TLS or MQTT work is done for it.
/// </summary>
public sealed class ConnectionLimiter(int maxTotal, int maxPerAddress)
{
    private readonly Dictionary<IPAddress, int> _perAddress = [];
    private readonly Lock _gate = new();
    private int _total;

    public int Open
    {
        get
        {
            lock (_gate)
                return _total;
        }
    }

    /// <summary>Null when a connection from <paramref name="address"/> may open (release it with
    /// <see cref="Release"/>), else the reason it may not.</summary>
    public string? TryAcquire(IPAddress address)
    {
        address = Normalize(address);
        lock (_gate)
        {
            if (_total >= maxTotal)
                return TransportRefusals.TooManyConnections;
            var from = _perAddress.GetValueOrDefault(address);
            if (from >= maxPerAddress)
                return TransportRefusals.TooManyFromAddress;
            _perAddress[address] = from + 1;
            _total++;
            return null;
        }
    }

    public void Release(IPAddress address)
    {
        address = Normalize(address);
        lock (_gate)
        {
            var from = _perAddress.GetValueOrDefault(address);
            if (from <= 1)
                _perAddress.Remove(address);
            else
                _perAddress[address] = from - 1;
            _total--;
        }
    }

    /// <summary>An IPv4 client on a dual-stack socket appears as ::ffff:a.b.c.d; it is the same host.</summary>
    private static IPAddress Normalize(IPAddress address) =>
        address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}

/// <summary>The reasons the transport closes a connection, as counted and logged.</summary>
public static class TransportRefusals
{
    public const string TooManyConnections = "too-many-connections";
    public const string TooManyFromAddress = "too-many-from-address";
    public const string PacketTooLarge = "packet-too-large";
    public const string MalformedLength = "malformed-remaining-length";
    public const string ConnectTimeout = "connect-timeout";
    public const string TlsHandshakeFailed = "tls-handshake-failed";
}
