using System.Text;

namespace SmartPark.Contracts.Registry;

/// <summary>
/// Mosquitto's password file and ACL file for a registry. The password file takes the
/// registry's <c>$7$</c> hashes as they are; the ACL file carries <see cref="TopicAcl"/>'s rules.
/// </summary>
public static class MosquittoAuthFiles
{
    public const string PasswordFileName = "passwd";
    public const string AclFileName = "acl";

    public static string PasswordFile(ParkRegistry registry)
    {
        var text = new StringBuilder();
        foreach (var (username, credential) in Accounts(registry))
            text.Append(username).Append(':').Append(credential).Append('\n');
        return text.ToString();
    }

    public static string AclFile(ParkRegistry registry)
    {
        // Nothing before the first "user" line: those rules would apply to anonymous clients.
        var text = new StringBuilder("# Generated from the SmartPark registry; edit the registry, not this file.\n");
        text.Append(WhatMosquittoCannotEnforce);
        foreach (var device in registry.Devices.OrderBy(d => d.Address.ToString(), StringComparer.Ordinal))
            AppendUser(text, new DevicePrincipal(device.Address));
        foreach (var service in registry.Services)
            AppendUser(text, new ServicePrincipal(service.Id, service.Role));
        return text.ToString();
    }

    /// <summary>
    /// What the embedded broker enforces and an ACL file cannot express, written at the top of the
    /// file so that whoever runs Mosquitto knows what Ingest's own checks must then catch.
    /// </summary>
    public const string WhatMosquittoCannotEnforce = """
        #
        # Mosquitto enforces from this file: who may publish and subscribe where (a device writes
        # only its own telemetry and status and reads nothing), also for a last will (checked
        # before the will is sent). It cannot enforce, and the embedded broker does:
        #  - retain only on a device's status: an acl_file has no per-topic retain right (a
        #    retained telemetry is stored once; Ingest's replay of it overwrites the same point);
        #  - a status body of the status contract (known state, bounded fields): Mosquitto does not
        #    look at payloads; the Dashboard must check what it shows;
        #  - client id = device id, and a service's client id within smartpark-{role}[-...]:
        #    use_username_as_clientid would pin devices but also rename every service client to its
        #    username, so Ingest's two clients (consumer and alerts) and several Dashboards sharing
        #    an account would disconnect one another. So here an account that knows its own
        #    password can connect with another account's client id: Mosquitto keys sessions on the
        #    client id alone, so that disconnects the other client and can take over its session.
        # Ingest still refuses, for telemetry from any broker, unknown devices, a device on another
        # device's path, and readings of sensors or quantities the registry does not list.

        """;

    /// <summary>The lines a mosquitto.conf needs to use the two files in <paramref name="directory"/>,
    /// and the strictest settings Mosquitto offers for what SmartPark relies on.</summary>
    public static string ConfigSnippet(string directory) =>
        "allow_anonymous false\n"
        // A client without a client id would get a random one: a session nobody can pin or resume.
        + "allow_zero_length_clientid false\n"
        // A retained message is re-checked against its publisher's current rights before delivery,
        // so removing a device from the registry also silences what it retained (Mosquitto's default, made explicit).
        + "check_retain_source true\n"
        + $"password_file {Path.Combine(directory, PasswordFileName)}\nacl_file {Path.Combine(directory, AclFileName)}\n";

    private static IEnumerable<(string Username, string Credential)> Accounts(ParkRegistry registry)
    {
        foreach (var device in registry.Devices.OrderBy(d => d.Address.ToString(), StringComparer.Ordinal))
            yield return (device.Device.Id, device.Device.Credential);
        foreach (var service in registry.Services)
            yield return (service.Id, service.Credential);
    }

    private static void AppendUser(StringBuilder text, Principal principal)
    {
        text.Append("\nuser ").Append(principal.Username).Append('\n');
        foreach (var rule in TopicAcl.RulesFor(principal))
        {
            var access = rule.Access switch
            {
                AclAccess.Read => "read",
                AclAccess.Write => "write",
                _ => "readwrite",
            };
            text.Append("topic ").Append(access).Append(' ').Append(rule.Pattern).Append('\n');
        }
    }
}
