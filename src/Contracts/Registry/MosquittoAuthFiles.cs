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
        foreach (var device in registry.Devices.OrderBy(d => d.Address.ToString(), StringComparer.Ordinal))
            AppendUser(text, new DevicePrincipal(device.Address));
        foreach (var service in registry.Services)
            AppendUser(text, new ServicePrincipal(service.Id, service.Role));
        return text.ToString();
    }

    /// <summary>The lines a mosquitto.conf needs to use the two files in <paramref name="directory"/>.</summary>
    public static string ConfigSnippet(string directory) =>
        $"allow_anonymous false\npassword_file {Path.Combine(directory, PasswordFileName)}\nacl_file {Path.Combine(directory, AclFileName)}\n";

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
