namespace SmartPark.Ingest.Notifications;

/// <summary>The directory used until the registry is registered: knows no enterprise, so payloads
/// carry the enterprise id alone.</summary>
public sealed class NoEnterpriseDirectory : IEnterpriseDirectory
{
    public EnterpriseDetails? Find(string park, string enterprise) => null;
}
