using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartPark.Dashboard.Rectification;
using SmartPark.IntegrationTests.Servers;
using SmartPark.IntegrationTests.Supervision;

namespace SmartPark.IntegrationTests.Rectification;

/// <summary>
/// Rectification orders over the real API and a real park database (SQLite and PostgreSQL, migrated
/// by the Dashboard): an order from issue to closure with the enterprise's reply through its link,
/// every step in the history and the audit trail, evidence stored by hash and served safely;
/// another park's operator, another district and the bureau refused on the data; a reply link
/// reaching its order only, not after expiry, replacement or closure, and rate-limited.
/// </summary>
public sealed class RectificationApiTests
{
    private const string Orders = "api/parks/p-a/rectification/orders";

    /// <summary>A real PNG (a QR code), as a phone's photo would be a real image.</summary>
    internal static byte[] Photo(string text = "photo") =>
        Convert.FromBase64String(ReplyLinks.QrDataUri("https://example.invalid/" + text)["data:image/png;base64,".Length..]);

    internal static async Task<JsonElement> CreateAsync(SignedInClient client, string park = "p-a", string hazard = "gas", int days = 7, string? alert = null)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        using var created = await client.SendJsonAsync(HttpMethod.Post, $"api/parks/{park}/rectification/orders", new
        {
            enterpriseId = "e1",
            hazard,
            description = "调漆间可燃气体探测器离线",
            deadline = today.AddDays(days).ToString("yyyy-MM-dd"),
            source = alert is null ? "manual" : "alert",
            alertId = alert,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return await created.Content.ReadFromJsonAsync<JsonElement>();
    }

    internal static async Task<string> IssueLinkAsync(SignedInClient client, long order, string park = "p-a")
    {
        using var issued = await client.SendJsonAsync(HttpMethod.Post, $"api/parks/{park}/rectification/orders/{order}/reply-link", new { });
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var body = await issued.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("data:image/png;base64,", body.GetProperty("qr").GetString(), StringComparison.Ordinal);
        var url = body.GetProperty("url").GetString()!;
        Assert.Contains("/reply#", url, StringComparison.Ordinal);
        return url[(url.IndexOf('#') + 1)..];
    }

    [Theory]
    [MemberData(nameof(TestParkDatabase.Providers), MemberType = typeof(TestParkDatabase))]
    public async Task An_order_goes_from_issue_through_the_enterprises_reply_a_rejection_and_a_verification_to_closure(string provider)
    {
        await using var stack = await RectificationStack.StartAsync(provider);
        using var op = await stack.Dashboard.SignInAsync(TestUser.OperatorA);
        using var enterprise = stack.Anonymous();

        var order = await CreateAsync(op, alert: "gas-lel-low:p-a:e1:d1");
        var id = order.GetProperty("id").GetInt64();
        Assert.Equal(("open", "alert", "王经理"), (order.GetProperty("state").GetString(), order.GetProperty("source").GetString(), order.GetProperty("responsibleName").GetString()));

        var token = await IssueLinkAsync(op, id);
        using (var read = await enterprise.ReadReplyAsync(token))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            var view = await read.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(("调漆间可燃气体探测器离线", true), (view.GetProperty("description").GetString(), view.GetProperty("canReply").GetBoolean()));
            Assert.Equal("no-store", read.Headers.CacheControl?.ToString());
        }
        var photo = Photo();
        using (var replied = await enterprise.ReplyAsync(token, "已更换探测器", "王经理", ("../../../etc/passwd.png", photo, "image/png")))
            Assert.Equal(HttpStatusCode.OK, replied.StatusCode);
        // Replied: the link answers no second reply until the operator sends the order back.
        using (var twice = await enterprise.ReplyAsync(token, "again"))
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);

        var detail = (await op.Http.GetFromJsonAsync<JsonElement>($"{Orders}/{id}"))!;
        Assert.Equal("replied", detail.GetProperty("order").GetProperty("state").GetString());
        var evidence = detail.GetProperty("evidence").EnumerateArray().Single();
        Assert.Equal(("image/png", "passwd.png"), (evidence.GetProperty("contentType").GetString(), evidence.GetProperty("name").GetString()));
        // Stored under its hash in the evidence folder, not under any name the upload gave.
        var hash = Convert.ToHexStringLower(SHA256.HashData(photo));
        Assert.Equal([Path.Combine(stack.EvidenceDirectory, hash[..2], hash + ".png")], Directory.GetFiles(stack.EvidenceDirectory, "*", SearchOption.AllDirectories));

        using (var file = await op.Http.GetAsync(evidence.GetProperty("url").GetString()))
        {
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("image/png", file.Content.Headers.ContentType?.MediaType);
            Assert.Equal("nosniff", file.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("inline", file.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal($"evidence-{evidence.GetProperty("id").GetInt64()}.png", file.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
            Assert.Contains("sandbox", file.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.Equal(photo, await file.Content.ReadAsByteArrayAsync());
        }

        var version = detail.GetProperty("order").GetProperty("version").GetInt64();
        using (var noNote = await op.StepAsync("p-a", id, "rejected", null, version))
            Assert.Equal(HttpStatusCode.Conflict, noNote.StatusCode);
        using (var stale = await op.StepAsync("p-a", id, "rejected", "still leaking", version - 1))
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        using (var rejected = await op.StepAsync("p-a", id, "rejected", "探测器仍未接入", version))
            Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        using (var again = await enterprise.ReplyAsync(token, "已接入报警主机", null, ("after.png", Photo("after"), "image/png")))
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using (var early = await op.StepAsync("p-a", id, "closed", null))
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        using (var verified = await op.StepAsync("p-a", id, "verified", "现场核实", null, ("check.png", Photo("check"), "image/png")))
            Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        using (var closed = await op.StepAsync("p-a", id, "closed", null))
        {
            Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
            var done = await closed.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(["created", "link_issued", "replied", "rejected", "replied", "verified", "closed"],
                done.GetProperty("history").EnumerateArray().Select(s => s.GetProperty("action").GetString()));
            Assert.Equal(["op-a", "enterprise:王经理"], done.GetProperty("history").EnumerateArray().Select(s => s.GetProperty("actor").GetString()).Where(a => a is "enterprise:王经理" or "op-a").Distinct());
            Assert.Equal(3, done.GetProperty("evidence").GetArrayLength());
            Assert.Empty(done.GetProperty("moves").EnumerateArray());
        }
        // Closed: the link no longer opens anything.
        using (var after = await enterprise.ReadReplyAsync(token))
            Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);

        await using var db = await stack.Database.Factory.CreateDbContextAsync();
        var audited = await db.Audit.Where(a => a.Key == $"rectification:p-a/{id}").OrderBy(a => a.Id).Select(a => a.Actor).ToListAsync();
        Assert.Equal("op-a", audited[0]);
        Assert.Contains("enterprise:王经理", audited);
        var row = await db.RectificationOrders.AsNoTracking().SingleAsync(o => o.Id == id);
        Assert.NotEqual(token, row.ReplyTokenHash);
        Assert.Equal(ReplyLinks.Hash(token), row.ReplyTokenHash);
    }

    [Theory]
    [MemberData(nameof(TestParkDatabase.Providers), MemberType = typeof(TestParkDatabase))]
    public async Task Another_parks_operator_another_district_and_the_bureau_are_refused_on_the_data(string provider)
    {
        await using var stack = await RectificationStack.StartAsync(provider);
        using var admin = await stack.Dashboard.SignInAsync(TestUser.Admin);
        using var op = await stack.Dashboard.SignInAsync(TestUser.OperatorA);
        using var huadu = await stack.Dashboard.SignInAsync(TestUser.DistrictHuadu);
        using var baiyun = await stack.Dashboard.SignInAsync(TestUser.DistrictBaiyun);
        using var city = await stack.Dashboard.SignInAsync(TestUser.CityGuangzhou);
        using var bureau = await stack.Dashboard.SignInAsync(TestUser.BureauA);
        // An order of p-b (Huadu), issued by an admin, with a file.
        var foreign = (await CreateAsync(admin, park: "p-b")).GetProperty("id").GetInt64();
        using (var added = await admin.StepAsync("p-b", foreign, "evidence_added", null, null, ("x.png", Photo(), "image/png")))
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var file = (await admin.Http.GetFromJsonAsync<JsonElement>($"api/parks/p-b/rectification/orders/{foreign}"))!.GetProperty("evidence")[0].GetProperty("id").GetInt64();

        // p-a's operator: refused p-b whatever the request, and p-b's order is not found under p-a.
        Assert.Equal(HttpStatusCode.Forbidden, (await op.Http.GetAsync($"api/parks/p-b/rectification/orders/{foreign}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.Http.GetAsync($"api/parks/p-b/rectification/orders/{foreign}/evidence/{file}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.StepAsync("p-b", foreign, "evidence_added", null, null, ("x.png", Photo(), "image/png"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.SendJsonAsync(HttpMethod.Post, $"api/parks/p-b/rectification/orders/{foreign}/reply-link", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await op.Http.GetAsync($"{Orders}/{foreign}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await op.Http.GetAsync($"{Orders}/{foreign}/evidence/{file}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await op.StepAsync("p-a", foreign, "evidence_added", null, null, ("x.png", Photo(), "image/png"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await op.SendJsonAsync(HttpMethod.Post, $"{Orders}/{foreign}/reply-link", new { })).StatusCode);
        // An order of p-a naming p-b's enterprise does not exist: e1 of p-a is meant; another id is refused.
        using (var wrong = await op.SendJsonAsync(HttpMethod.Post, Orders, new { enterpriseId = "e9", hazard = "gas", description = "x", deadline = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3)).ToString("yyyy-MM-dd") }))
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);

        // Huadu's official and the city's read p-b's order; Baiyun's official is refused it; none may write.
        Assert.Equal(HttpStatusCode.OK, (await huadu.Http.GetAsync($"api/parks/p-b/rectification/orders/{foreign}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await huadu.Http.GetAsync($"api/parks/p-b/rectification/orders/{foreign}/evidence/{file}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await city.Http.GetAsync($"api/parks/p-b/rectification/orders/{foreign}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await baiyun.Http.GetAsync($"api/parks/p-b/rectification/orders/{foreign}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await huadu.StepAsync("p-b", foreign, "evidence_added", null, null, ("x.png", Photo(), "image/png"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await huadu.SendJsonAsync(HttpMethod.Post, "api/parks/p-b/rectification/orders", new { enterpriseId = "e1", hazard = "gas", description = "x", deadline = "2030-01-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await city.SendJsonAsync(HttpMethod.Post, $"api/parks/p-b/rectification/orders/{foreign}/reply-link", new { })).StatusCode);
        // The bureau sees p-a's emissions, not its orders.
        Assert.Equal(HttpStatusCode.Forbidden, (await bureau.Http.GetAsync(Orders)).StatusCode);
        // The district list: Huadu sees its order, Baiyun is refused Huadu's list.
        var list = (await huadu.Http.GetFromJsonAsync<JsonElement>("api/supervision/districts/huadu/rectification"))!;
        Assert.Equal(foreign, list.GetProperty("orders")[0].GetProperty("order").GetProperty("id").GetInt64());
        Assert.Equal(HttpStatusCode.Forbidden, (await baiyun.Http.GetAsync("api/supervision/districts/huadu/rectification")).StatusCode);
        // Without the anti-forgery token even the park's own operator is refused.
        Assert.Equal(HttpStatusCode.BadRequest, (await op.Http.PostAsJsonAsync(Orders, new { enterpriseId = "e1", hazard = "gas", description = "x", deadline = "2030-01-01" })).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestParkDatabase.Providers), MemberType = typeof(TestParkDatabase))]
    public async Task A_reply_link_reaches_its_order_only_and_stops_at_expiry_or_replacement(string provider)
    {
        await using var stack = await RectificationStack.StartAsync(provider);
        using var op = await stack.Dashboard.SignInAsync(TestUser.OperatorA);
        using var enterprise = stack.Anonymous();
        var first = (await CreateAsync(op)).GetProperty("id").GetInt64();
        var second = (await CreateAsync(op, hazard: "fire")).GetProperty("id").GetInt64();
        var token = await IssueLinkAsync(op, first);
        var other = await IssueLinkAsync(op, second);

        // The token is the whole authority: the reply lands on its order, the other is untouched.
        using (var replied = await enterprise.ReplyAsync(token, "fixed"))
            Assert.Equal(HttpStatusCode.OK, replied.StatusCode);
        await using (var db = await stack.Database.Factory.CreateDbContextAsync())
        {
            Assert.Equal("replied", (await db.RectificationOrders.AsNoTracking().SingleAsync(o => o.Id == first)).State);
            Assert.Equal("open", (await db.RectificationOrders.AsNoTracking().SingleAsync(o => o.Id == second)).State);
        }
        // The link reads nothing of the park's other pages: the reply API has no park or order in it, and the rest needs a session.
        Assert.Equal(HttpStatusCode.Unauthorized, (await enterprise.GetAsync($"{Orders}/{first}")).StatusCode);
        using (var withTokenElsewhere = new HttpRequestMessage(HttpMethod.Get, $"{Orders}/{second}"))
        {
            withTokenElsewhere.Headers.Add("X-Reply-Token", token);
            Assert.Equal(HttpStatusCode.Unauthorized, (await enterprise.SendAsync(withTokenElsewhere)).StatusCode);
        }
        // A token in the URL is not one: only the header counts.
        Assert.Equal(HttpStatusCode.NotFound, (await enterprise.GetAsync($"api/reply?token={other}")).StatusCode);
        // A guessed or mangled token is not found, like an expired one.
        Assert.Equal(HttpStatusCode.NotFound, (await enterprise.ReadReplyAsync(ReplyLinks.NewToken())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await enterprise.ReadReplyAsync(other[..^1] + (other[^1] == 'A' ? 'B' : 'A'))).StatusCode);

        // Replacement: a new link for the second order stops the old one.
        var renewed = await IssueLinkAsync(op, second);
        Assert.Equal(HttpStatusCode.NotFound, (await enterprise.ReadReplyAsync(other)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await enterprise.ReadReplyAsync(renewed)).StatusCode);

        // Expiry: the link's time runs out (its row says so), and it answers as an unknown one, reading and replying.
        await using (var db = await stack.Database.Factory.CreateDbContextAsync())
        {
            var row = await db.RectificationOrders.SingleAsync(o => o.Id == second);
            row.ReplyTokenExpiresAt = DateTime.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
        }
        Assert.Equal(HttpStatusCode.NotFound, (await enterprise.ReadReplyAsync(renewed)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await enterprise.ReplyAsync(renewed, "late")).StatusCode);
        await using (var db = await stack.Database.Factory.CreateDbContextAsync())
            Assert.Equal("open", (await db.RectificationOrders.AsNoTracking().SingleAsync(o => o.Id == second)).State);
    }

    [Theory]
    [MemberData(nameof(TestParkDatabase.Providers), MemberType = typeof(TestParkDatabase))]
    public async Task Uploads_are_judged_by_content_and_size_and_a_refused_one_leaves_nothing(string provider)
    {
        await using var stack = await RectificationStack.StartAsync(provider, maxBytes: 64 * 1024);
        using var op = await stack.Dashboard.SignInAsync(TestUser.OperatorA);
        using var enterprise = stack.Anonymous();
        var id = (await CreateAsync(op)).GetProperty("id").GetInt64();
        var token = await IssueLinkAsync(op, id);

        // A page named like a photo and sent as one.
        var page = Encoding.UTF8.GetBytes("<html><script>fetch('/api/me')</script></html>");
        using (var refused = await enterprise.ReplyAsync(token, "fixed", null, ("photo.jpg", page, "image/jpeg")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("not a JPEG, PNG, WebP or PDF", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        // A polyglot: a PNG signature with a page behind it.
        var polyglot = Photo()[..16].Concat(Encoding.ASCII.GetBytes("<script>alert(1)</script>")).ToArray();
        using (var refused = await enterprise.ReplyAsync(token, "fixed", null, ("ok.png", Photo(), "image/png"), ("x.png", polyglot, "image/png")))
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        // Too large.
        var large = Photo().Concat(new byte[64 * 1024]).ToArray();
        using (var refused = await enterprise.ReplyAsync(token, "fixed", null, ("big.png", large, "image/png")))
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);

        // Nothing of the refused replies was kept: no file, no step, still open.
        Assert.False(Directory.Exists(stack.EvidenceDirectory) && Directory.EnumerateFiles(stack.EvidenceDirectory, "*", SearchOption.AllDirectories).Any());
        await using var db = await stack.Database.Factory.CreateDbContextAsync();
        Assert.Equal("open", (await db.RectificationOrders.AsNoTracking().SingleAsync(o => o.Id == id)).State);
        Assert.Equal(0, await db.RectificationEvidence.CountAsync());
        // A real PDF is kept and served as an attachment.
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        using (var kept = await op.StepAsync("p-a", id, "evidence_added", null, null, ("report.pdf", pdf, "application/pdf")))
            Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        var evidence = (await op.Http.GetFromJsonAsync<JsonElement>($"{Orders}/{id}"))!.GetProperty("evidence")[0];
        using var file = await op.Http.GetAsync(evidence.GetProperty("url").GetString());
        Assert.Equal(("application/pdf", "attachment"), (file.Content.Headers.ContentType?.MediaType, file.Content.Headers.ContentDisposition?.DispositionType));
    }

    [Theory]
    [MemberData(nameof(TestParkDatabase.Providers), MemberType = typeof(TestParkDatabase))]
    public async Task The_reply_api_is_rate_limited_per_address(string provider)
    {
        await using var stack = await RectificationStack.StartAsync(provider, replyRequests: 5);
        using var enterprise = stack.Anonymous();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await enterprise.ReadReplyAsync(ReplyLinks.NewToken())).StatusCode);
        using var limited = await enterprise.ReadReplyAsync(ReplyLinks.NewToken());
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Theory]
    [MemberData(nameof(TestParkDatabase.Providers), MemberType = typeof(TestParkDatabase))]
    public async Task An_inspection_with_a_failed_item_raises_its_order_and_overdue_orders_head_the_lists(string provider)
    {
        await using var stack = await RectificationStack.StartAsync(provider);
        using var op = await stack.Dashboard.SignInAsync(TestUser.OperatorA);
        using var district = await stack.Dashboard.SignInAsync(TestUser.DistrictBaiyun);
        var view = (await op.Http.GetFromJsonAsync<JsonElement>("api/parks/p-a/rectification/checklists"))!;
        Assert.Empty(view.GetProperty("checklists").EnumerateArray());
        using var created = await op.SendJsonAsync(HttpMethod.Post, "api/parks/p-a/rectification/checklists", view.GetProperty("template"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var checklist = await created.Content.ReadFromJsonAsync<JsonElement>();
        var items = checklist.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();

        var deadline = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(5).ToString("yyyy-MM-dd");
        using var inspected = await op.SendJsonAsync(HttpMethod.Post, "api/parks/p-a/rectification/inspections", new
        {
            checklistId = checklist.GetProperty("id").GetInt64(),
            enterpriseId = "e1",
            deadline,
            answers = items.Select(i => new { item = i, passed = i != "extinguishers", note = i == "extinguishers" ? "二楼灭火器过期" : null }),
        });
        Assert.Equal(HttpStatusCode.Created, inspected.StatusCode);
        var raised = (await inspected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orders").EnumerateArray().Single();
        Assert.Equal("extinguishers", raised.GetProperty("item").GetString());
        var fromInspection = raised.GetProperty("order").GetInt64();
        var order = (await op.Http.GetFromJsonAsync<JsonElement>($"{Orders}/{fromInspection}"))!.GetProperty("order");
        Assert.Equal(("inspection", "fire"), (order.GetProperty("source").GetString(), order.GetProperty("hazard").GetString()));
        Assert.Contains("二楼灭火器过期", order.GetProperty("description").GetString(), StringComparison.Ordinal);
        var answers = (await op.Http.GetFromJsonAsync<JsonElement>("api/parks/p-a/rectification/inspections"))![0].GetProperty("answers");
        Assert.Equal(fromInspection, answers.EnumerateArray().Single(a => a.GetProperty("item").GetString() == "extinguishers").GetProperty("order").GetInt64());

        // Another order whose deadline has passed (its row moved back): it heads the park's and the district's lists.
        var late = (await CreateAsync(op, hazard: "electrical", days: 30)).GetProperty("id").GetInt64();
        await using (var db = await stack.Database.Factory.CreateDbContextAsync())
        {
            var row = await db.RectificationOrders.SingleAsync(o => o.Id == late);
            row.Deadline = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-3);
            await db.SaveChangesAsync();
        }
        var list = (await op.Http.GetFromJsonAsync<JsonElement>(Orders))!.GetProperty("orders");
        Assert.Equal((late, true, -3), (list[0].GetProperty("id").GetInt64(), list[0].GetProperty("overdue").GetBoolean(), list[0].GetProperty("daysLeft").GetInt32()));
        Assert.Equal([late], (await op.Http.GetFromJsonAsync<JsonElement>($"{Orders}?overdue=true"))!.GetProperty("orders").EnumerateArray().Select(o => o.GetProperty("id").GetInt64()));
        var supervised = (await district.Http.GetFromJsonAsync<JsonElement>("api/supervision/districts/baiyun/rectification"))!;
        Assert.Equal((2, 1), (supervised.GetProperty("open").GetInt32(), supervised.GetProperty("overdue").GetInt32()));
        Assert.Equal(late, supervised.GetProperty("orders")[0].GetProperty("order").GetProperty("id").GetInt64());
    }
}
