using System.Net;

namespace SmartPark.Ingest.Broker;

/// <summary>
/// Refuses the embedded broker's settings that would expose it on the network unsafely: a
/// plaintext listener carries device passwords in clear, and a broker without a registry lets
/// anyone publish. Loopback is fine (the demo, and Ingest's own consumer); anything else needs a
/// setting that says the operator meant it.
/// </summary>
public static class BrokerExposure
{
    public static IReadOnlyList<string> Problems(EmbeddedBrokerOptions o, bool registryConfigured)
    {
        var problems = new List<string>();
        if (o.PlaintextEnabled && !IsLoopback(o.BindAddress) && !o.AllowPlaintextOnNetwork)
            problems.Add($"EmbeddedBroker:BindAddress {o.BindAddress} is not a loopback address, and its plaintext listener would carry every device's password in clear. "
                + "Serve the network with EmbeddedBroker:Tls (and EmbeddedBroker:PlaintextEnabled=false or a loopback BindAddress), or set EmbeddedBroker:AllowPlaintextOnNetwork=true if this network is trusted.");
        if (!registryConfigured && !o.AllowAnonymousOnNetwork)
        {
            foreach (var (name, address) in Listeners(o))
            {
                if (!IsLoopback(address))
                    problems.Add($"{name} {address} is not a loopback address, and with no registry configured the broker lets anyone connect and publish. "
                        + "Configure a registry, or set EmbeddedBroker:AllowAnonymousOnNetwork=true if that is intended.");
            }
        }
        if (o.Tls.Enabled)
        {
            if (string.IsNullOrWhiteSpace(o.Tls.CertificatePath) || string.IsNullOrWhiteSpace(o.Tls.KeyPath))
                problems.Add("EmbeddedBroker:Tls:Enabled is true but EmbeddedBroker:Tls:CertificatePath or KeyPath is not set.");
            if (o.Tls.ClientCertificates != ClientCertificateMode.None && string.IsNullOrWhiteSpace(o.Tls.ClientCaPath))
                problems.Add($"EmbeddedBroker:Tls:ClientCertificates is {o.Tls.ClientCertificates} but EmbeddedBroker:Tls:ClientCaPath (the CA that signs client certificates) is not set.");
        }
        if (!o.PlaintextEnabled && !o.Tls.Enabled)
            problems.Add("The embedded broker has no listener: both EmbeddedBroker:PlaintextEnabled and EmbeddedBroker:Tls:Enabled are false.");
        if (o.MaxPacketBytes is < 1024 or > 268_435_455)
            problems.Add($"EmbeddedBroker:MaxPacketBytes {o.MaxPacketBytes} must be between 1024 and 268435455 (MQTT's largest).");
        if (o.MaxConnections < 1 || o.MaxConnectionsPerAddress < 1)
            problems.Add("EmbeddedBroker:MaxConnections and MaxConnectionsPerAddress must be at least 1.");
        if (o.ConnectTimeout <= TimeSpan.Zero)
            problems.Add("EmbeddedBroker:ConnectTimeout must be positive.");
        return problems;
    }

    /// <summary>Throws with every problem, so Ingest stops at start-up with the reason in its log.</summary>
    public static void ThrowIfUnsafe(EmbeddedBrokerOptions o, bool registryConfigured)
    {
        var problems = Problems(o, registryConfigured);
        if (problems.Count > 0)
            throw new InvalidOperationException("The embedded broker's settings are refused: " + string.Join(" ", problems));
    }

    private static IEnumerable<(string Name, string Address)> Listeners(EmbeddedBrokerOptions o)
    {
        if (o.PlaintextEnabled)
            yield return ("EmbeddedBroker:BindAddress", o.BindAddress);
        if (o.Tls.Enabled)
            yield return ("EmbeddedBroker:Tls:BindAddress", o.Tls.BindAddress);
    }

    /// <summary>A name or address that is not an IP literal counts as "not loopback": only literals are bound.</summary>
    private static bool IsLoopback(string address) =>
        IPAddress.TryParse(address, out var ip) && IPAddress.IsLoopback(ip);
}
