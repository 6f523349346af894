using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace SmartPark.Dashboard.Auth;

/// <summary>Forwarded headers from trusted proxies, the hub's origin check and persisted cookie keys.</summary>
public static class WebSecuritySetup
{
    public static IServiceCollection AddDashboardWebSecurity(this IServiceCollection services)
    {
        services.AddOptions<WebSecurityOptions>().BindConfiguration(DashboardOptions.Section);
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<WebSecurityOptions>>((o, security) => TrustProxies(o, security.Value));

        // A fixed application name: keys made by one install stay valid when it moves directory
        // (the default discriminator is the content root path).
        services.AddDataProtection().SetApplicationName("SmartPark.Dashboard");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<WebSecurityOptions>, ILoggerFactory>((o, security, logs) =>
        {
            if (!string.IsNullOrWhiteSpace(security.Value.KeysDirectory))
                o.XmlRepository = new FileSystemXmlRepository(PrivateDirectory(security.Value.KeysDirectory), logs);
        });
        return services;
    }

    /// <summary>
    /// First in the pipeline: the client's address and scheme as a trusted proxy saw them (so the
    /// sign-in limits count the real client and cookies are <c>Secure</c> behind a TLS proxy), then
    /// the hub's origin check.
    /// </summary>
    public static IApplicationBuilder UseDashboardWebSecurity(this IApplicationBuilder app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<HubOriginGate>();
        return app;
    }

    /// <summary>X-Forwarded-For and -Proto from loopback only, unless proxies or networks are configured (which replace loopback).</summary>
    public static void TrustProxies(ForwardedHeadersOptions o, WebSecurityOptions security)
    {
        o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        if (security.KnownProxies.Count == 0 && security.KnownNetworks.Count == 0)
            return;
        o.KnownProxies.Clear();
        o.KnownIPNetworks.Clear();
        foreach (var proxy in security.KnownProxies)
            o.KnownProxies.Add(IPAddress.Parse(proxy));
        foreach (var network in security.KnownNetworks)
            o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
    }

    /// <summary>The keys directory, created readable by this service's user only (0700): the keys decrypt every session cookie.</summary>
    public static DirectoryInfo PrivateDirectory(string path)
    {
        var directory = OperatingSystem.IsWindows()
            ? Directory.CreateDirectory(path)
            : Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(directory.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return directory;
    }
}
