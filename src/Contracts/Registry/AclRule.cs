namespace SmartPark.Contracts.Registry;

/// <summary>
/// One right of a broker account: read (subscribe and receive) or write (publish) on a topic
/// pattern. <paramref name="Retain"/>: a publish under this rule may set the retain flag (a
/// retained message outlives its sender and is handed to every later subscriber, so only the
/// topics whose contract says "retained" allow it).
/// </summary>
public sealed record AclRule(AclAccess Access, string Pattern, bool Retain = false);

public enum AclAccess
{
    Read,
    Write,
    ReadWrite,
}
