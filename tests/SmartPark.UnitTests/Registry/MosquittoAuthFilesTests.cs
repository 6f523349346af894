using SmartPark.Contracts.Registry;

namespace SmartPark.UnitTests.Registry;

public class MosquittoAuthFilesTests
{
    private static readonly ParkRegistry Registry = RegistryLoader.Parse(RegistryYaml.Valid);

    [Fact]
    public void The_password_file_carries_the_registry_hashes_unchanged()
    {
        var lines = MosquittoAuthFiles.PasswordFile(Registry).TrimEnd('\n').Split('\n');
        Assert.Equal(["d1", "d2", "ingest", "dashboard"], lines.Select(l => l.Split(':')[0]));
        Assert.All(lines, l => Assert.Equal(RegistryYaml.Hash, l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..]));
    }

    [Fact]
    public void The_acl_file_gives_each_account_its_rules_and_anonymous_clients_none()
    {
        var acl = MosquittoAuthFiles.AclFile(Registry);
        // Before the first "user" line only comments: a rule there would apply to anonymous clients.
        Assert.All(acl.Split("\nuser ")[0].Split('\n'), line => Assert.True(line.Length == 0 || line.StartsWith('#'), line));
        // A device writes its own telemetry and status and reads nothing.
        Assert.Contains("\nuser d1\ntopic write smartpark/v1/p1/e1/d1/telemetry\ntopic write smartpark/v1/p1/e1/d1/status\n\n", acl, StringComparison.Ordinal);
        Assert.Contains("\nuser d2\ntopic write smartpark/v1/p1/e2/d2/telemetry\ntopic write smartpark/v1/p1/e2/d2/status\n\n", acl, StringComparison.Ordinal);
        Assert.Contains("use_username_as_clientid", acl, StringComparison.Ordinal);
        Assert.Contains("""

            user ingest
            topic read smartpark/v1/+/+/+/telemetry
            topic read smartpark/v1/+/+/+/status
            topic read smartpark/v1/+/alerts/+/ack
            topic write smartpark/v1/deadletter/#
            topic write smartpark/v1/+/alerts/+

            """, acl, StringComparison.Ordinal);
        Assert.Contains("\nuser dashboard\ntopic read smartpark/v1/#\ntopic write smartpark/v1/+/alerts/+/ack\n", acl, StringComparison.Ordinal);
    }

    [Fact]
    public void The_config_is_as_strict_as_mosquitto_allows()
    {
        var conf = MosquittoAuthFiles.ConfigSnippet("/etc/mosquitto/smartpark").Split('\n');
        Assert.Contains("allow_anonymous false", conf);
        Assert.Contains("allow_zero_length_clientid false", conf);
        Assert.Contains("check_retain_source true", conf);
        Assert.Contains("password_file /etc/mosquitto/smartpark/passwd", conf);
        Assert.Contains("acl_file /etc/mosquitto/smartpark/acl", conf);
    }

    [Fact]
    public void The_uplink_account_reads_telemetry_and_status_in_mosquitto_too()
    {
        var yaml = RegistryYaml.Valid.Replace("services:\n", $"services:\n  - {{ id: uplink, role: uplink, credential: {RegistryYaml.Hash} }}\n", StringComparison.Ordinal);
        var acl = MosquittoAuthFiles.AclFile(RegistryLoader.Parse(yaml));
        Assert.Contains("\nuser uplink\ntopic read smartpark/v1/+/+/+/telemetry\ntopic read smartpark/v1/+/+/+/status\n", acl, StringComparison.Ordinal);
    }
}
