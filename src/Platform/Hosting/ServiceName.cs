namespace SmartPark.Platform.Hosting;

/// <summary>
/// Every process SmartPark runs. Its HTTP port (health, metrics, pages) is in <see cref="DefaultPorts"/>;
/// adding a service means one name here and one port there.
/// </summary>
public enum ServiceName
{
    Ingest,
    EdgeAgent,
    Uplink,
    Dashboard,
    BureauPlatform,
}
