namespace SmartPark.UnitTests.Deploy;

/// <summary>
/// Every server unit under deploy/ keeps the hardening its README promises, and no secret in it;
/// enumerated from the folder, so a new service's unit is held to the same rules.
/// </summary>
public sealed class SystemdUnitTests
{
    private static readonly string Deploy = FindDeploy();

    /// <summary>The servers' units (the .NET runtime, JIT): everything but the NativeAOT edge agent.</summary>
    public static TheoryData<string> ServerUnits() => [.. ServerUnitPaths()];

    private static List<string> ServerUnitPaths() =>
        [.. Directory.EnumerateFiles(Deploy, "*.service", SearchOption.AllDirectories)
            .Where(unit => !unit.Contains("edgeagent", StringComparison.Ordinal))
            .Select(unit => Path.GetRelativePath(Deploy, unit))
            .Order(StringComparer.Ordinal)];

    [Fact]
    public void Ingest_Dashboard_and_Uplink_each_have_a_unit()
    {
        Assert.Equal(
            [Path.Combine("dashboard", "smartpark-dashboard.service"), Path.Combine("ingest", "smartpark-ingest.service"), Path.Combine("uplink", "smartpark-uplink.service")],
            ServerUnitPaths());
    }

    [Theory]
    [MemberData(nameof(ServerUnits))]
    public void A_server_unit_is_hardened(string unit)
    {
        var service = Directives(unit);
        var name = Path.GetFileNameWithoutExtension(unit);
        string[] required =
        [
            "NoNewPrivileges=yes", "ProtectSystem=strict", "ProtectHome=yes", "PrivateTmp=yes", "PrivateDevices=yes",
            "ProtectKernelTunables=yes", "ProtectKernelModules=yes", "ProtectKernelLogs=yes", "ProtectControlGroups=yes",
            "ProtectClock=yes", "ProtectHostname=yes", "RestrictSUIDSGID=yes", "RestrictRealtime=yes", "RestrictNamespaces=yes",
            "LockPersonality=yes", "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX", "SystemCallArchitectures=native",
            "SystemCallFilter=@system-service", "CapabilityBoundingSet=", "AmbientCapabilities=", "UMask=0077",
            $"User={name}", $"StateDirectory={name}", "StateDirectoryMode=0700", $"WorkingDirectory=/var/lib/{name}",
        ];
        foreach (var directive in required)
            Assert.Contains(directive, service);
        // Binding below 1024 would need CAP_NET_BIND_SERVICE: none is granted, so none may be asked for.
        Assert.DoesNotContain(service, d => d.StartsWith("AmbientCapabilities=CAP", StringComparison.Ordinal));
        // The JIT needs writable-then-executable memory: this directive would stop the runtime.
        Assert.DoesNotContain(service, d => d.StartsWith("MemoryDenyWriteExecute=yes", StringComparison.Ordinal));
        Assert.DoesNotContain(service, d => d.StartsWith("User=root", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ServerUnits))]
    public void Secrets_come_as_root_only_credentials_never_in_the_unit_or_the_command_line(string unit)
    {
        var service = Directives(unit);
        var credentials = service.Where(d => d.StartsWith("LoadCredential=", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(credentials);
        foreach (var credential in credentials)
        {
            // NAME:/etc/smartpark/credentials/SERVICE/NAME, NAME being the setting's environment form.
            var (id, path) = (credential["LoadCredential=".Length..].Split(':')[0], credential.Split(':', 2)[1]);
            Assert.Matches("^[A-Za-z]+(__[A-Za-z]+)+$", id);
            Assert.StartsWith("/etc/smartpark/credentials/", path, StringComparison.Ordinal);
            Assert.EndsWith("/" + id, path, StringComparison.Ordinal);
        }
        string[] secretWords = ["password", "secret", "token", "Password", "Secret", "Token"];
        foreach (var directive in service.Where(d => d.StartsWith("ExecStart", StringComparison.Ordinal) || d.StartsWith("Environment=", StringComparison.Ordinal)))
            Assert.DoesNotContain(secretWords, w => directive.Contains(w, StringComparison.Ordinal));
        Assert.Contains(service, d => d.StartsWith("EnvironmentFile=/etc/smartpark/", StringComparison.Ordinal));
    }

    [Fact]
    public void The_edge_agents_unit_keeps_its_hardening()
    {
        var service = Directives(Path.Combine("edgeagent", "smartpark-edgeagent.service"));
        foreach (var directive in new[] { "NoNewPrivileges=yes", "ProtectSystem=strict", "ProtectHome=yes", "PrivateTmp=yes", "CapabilityBoundingSet=", "MemoryDenyWriteExecute=yes", "User=smartpark" })
            Assert.Contains(directive, service);
    }

    /// <summary>The [Service] section's directives, comments and blank lines left out.</summary>
    private static List<string> Directives(string unit)
    {
        var section = "";
        var directives = new List<string>();
        foreach (var raw in File.ReadLines(Path.Combine(Deploy, unit)))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
                continue;
            if (line.StartsWith('['))
            {
                section = line;
                continue;
            }
            if (section == "[Service]")
                directives.Add(line);
        }
        return directives;
    }

    private static string FindDeploy()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SmartPark.sln")))
                return Path.Combine(dir.FullName, "deploy");
        }
        throw new DirectoryNotFoundException("SmartPark.sln not found above " + AppContext.BaseDirectory);
    }
}
