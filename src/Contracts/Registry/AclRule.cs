namespace SmartPark.Contracts.Registry;

/// <summary>One right of a broker account: read (subscribe and receive) or write (publish) on a topic pattern.</summary>
public sealed record AclRule(AclAccess Access, string Pattern);

public enum AclAccess
{
    Read,
    Write,
    ReadWrite,
}
