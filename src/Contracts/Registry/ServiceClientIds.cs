namespace SmartPark.Contracts.Registry;

/// <summary>
/// The MQTT client ids a service account may connect with, pinned by its role as a device's is
/// pinned to its id: <c>smartpark-{role}</c> or <c>smartpark-{role}-…</c> (the Dashboard appends
/// host and process so that several instances can run; Ingest's alert client appends
/// <c>-alerts</c>). A client id names a broker session: without the pin, any account could
/// connect as <c>smartpark-ingest</c>, take over Ingest's persistent session and the telemetry
/// queued in it. Device ids may not begin with <see cref="Prefix"/> (see
/// <see cref="RegistryValidator"/>), so no device's client id falls in a service's space.
/// </summary>
public static class ServiceClientIds
{
    public const string Prefix = "smartpark-";

    /// <summary>The one client id of <paramref name="role"/> without a suffix (<c>smartpark-ingest</c>).</summary>
    public static string For(string role) => Prefix + role;

    /// <summary>True when a service of <paramref name="role"/> may connect as <paramref name="clientId"/>.</summary>
    public static bool Allows(string role, string? clientId)
    {
        if (string.IsNullOrEmpty(clientId))
            return false;
        var own = For(role);
        return string.Equals(clientId, own, StringComparison.Ordinal)
            || (clientId.Length > own.Length + 1 && clientId.StartsWith(own + "-", StringComparison.Ordinal));
    }

    /// <summary>How the rule reads in a refusal or an error message.</summary>
    public static string Describe(string role) => $"'{For(role)}' or '{For(role)}-…'";
}
