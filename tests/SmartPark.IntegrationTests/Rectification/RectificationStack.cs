using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SmartPark.IntegrationTests.Servers;
using SmartPark.IntegrationTests.Supervision;

namespace SmartPark.IntegrationTests.Rectification;

/// <summary>
/// A Mosquitto, a park database of one provider (the standard parks, e1 of p-a with a contact) and
/// a Dashboard keeping evidence in a temporary folder, with the reply API's limits given.
/// </summary>
public sealed class RectificationStack : IAsyncDisposable
{
    private RectificationStack(MosquittoServer broker, TestParkDatabase database, DashboardHost dashboard, string evidence)
    {
        Broker = broker;
        Database = database;
        Dashboard = dashboard;
        EvidenceDirectory = evidence;
    }

    public MosquittoServer Broker { get; }
    public TestParkDatabase Database { get; }
    public DashboardHost Dashboard { get; }
    public string EvidenceDirectory { get; }

    public static async Task<RectificationStack> StartAsync(string provider, int replyRequests = 1000, long maxBytes = 1 << 20)
    {
        var broker = await MosquittoServer.StartAsync();
        var database = await TestParkDatabase.CreateAsync(provider);
        await database.SeedStandardAsync();
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            var e1 = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Enterprises, e => e.ParkId == "p-a" && e.Id == "e1");
            e1.ContactName = "王经理";
            e1.ContactPhone = "+8613800000000";
            await db.SaveChangesAsync();
        }
        var evidence = Path.Combine(Directory.CreateTempSubdirectory("smartpark-evidence-").FullName, "evidence");
        var dashboard = await DashboardHost.StartAsync(broker.Port, new Uri($"http://127.0.0.1:{FreePort.Next()}/"), "none",
            [.. database.DashboardArgs, $"--Rectification:EvidenceDirectory={evidence}", $"--Rectification:ReplyRequestsPerAddress={replyRequests}",
             $"--Rectification:MaxEvidenceBytes={maxBytes}"]);
        return new RectificationStack(broker, database, dashboard, evidence);
    }

    /// <summary>A visitor without an account, as the enterprise is.</summary>
    public HttpClient Anonymous() => new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = Dashboard.Url };

    public async ValueTask DisposeAsync()
    {
        await Dashboard.DisposeAsync();
        await Database.DisposeAsync();
        await Broker.DisposeAsync();
        try
        {
            Directory.Delete(Path.GetDirectoryName(EvidenceDirectory)!, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }
}

/// <summary>Multipart requests as the pages send them.</summary>
public static class RectificationRequests
{
    public static MultipartFormDataContent Form(IReadOnlyDictionary<string, string?> fields, params (string Name, byte[] Content, string Type)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (key, value) in fields)
        {
            if (value is not null)
                form.Add(new StringContent(value), key);
        }
        foreach (var (name, content, type) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue(type);
            form.Add(part, "files", name);
        }
        return form;
    }

    /// <summary>An operator's step (multipart, with the anti-forgery header).</summary>
    public static async Task<HttpResponseMessage> StepAsync(this SignedInClient client, string park, long order, string action, string? note, long? version = null,
        params (string Name, byte[] Content, string Type)[] files)
    {
        var af = await client.Http.GetFromJsonAsync<JsonElement>("api/antiforgery");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/parks/{park}/rectification/orders/{order}/steps")
        {
            Content = Form(new Dictionary<string, string?> { ["action"] = action, ["note"] = note, ["version"] = version?.ToString() }, files),
        };
        request.Headers.Add(af.GetProperty("header").GetString()!, af.GetProperty("token").GetString());
        return await client.Http.SendAsync(request);
    }

    /// <summary>The enterprise's reply through its link.</summary>
    public static async Task<HttpResponseMessage> ReplyAsync(this HttpClient anonymous, string token, string? note, string? name = null, params (string Name, byte[] Content, string Type)[] files)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/reply")
        {
            Content = Form(new Dictionary<string, string?> { ["note"] = note, ["name"] = name }, files),
        };
        request.Headers.Add("X-Reply-Token", token);
        return await anonymous.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> ReadReplyAsync(this HttpClient anonymous, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/reply");
        request.Headers.Add("X-Reply-Token", token);
        return await anonymous.SendAsync(request);
    }
}
