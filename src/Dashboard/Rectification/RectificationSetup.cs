using System.Text.Json.Nodes;
using SmartPark.Dashboard.Auth;
using SmartPark.Dashboard.Supervision;

namespace SmartPark.Dashboard.Rectification;

/// <summary>
/// Rectification orders and inspections, with a park database only (without one these are not
/// mapped, as the other supervision endpoints answer 404). Park-scoped APIs and pages are under
/// <c>/api/parks/{park}/rectification</c> and <c>/parks/{park}/rectification…</c>, refused (403)
/// before anything is read to whoever may not see the park; the district's list is decided on
/// the district's row; the enterprise's reply is reached by its link alone (<see cref="ReplyEndpoints"/>).
/// </summary>
public static class RectificationSetup
{
    public static IServiceCollection AddRectification(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RectificationOptions>().Bind(configuration.GetSection(RectificationOptions.Section));
        services.AddSingleton<RectificationService>();
        services.AddSingleton<ReplyRateLimit>();
        return services;
    }

    public static IEndpointRouteBuilder MapRectification(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.HasParkDatabase())
            return app;
        var api = app.MapParkGroup("/api/parks/{park}/rectification");
        OrderEndpoints.MapOrders(api);
        ChecklistEndpoints.MapChecklists(api);
        DistrictOrderEndpoints.MapDistrictOrders(app);
        ReplyEndpoints.MapReply(app);
        app.MapGet("/reply/i18n/{lang}", ReplyDictionary).AllowAnonymous();

        var pages = app.MapParkPages();
        pages.MapGet("/rectification", (IWebHostEnvironment env) => Page(env, "orders.html"));
        pages.MapGet("/rectification/{orderId:long}", (IWebHostEnvironment env) => Page(env, "order.html"));
        pages.MapGet("/inspection", (IWebHostEnvironment env) => Page(env, "inspection.html"));
        return app;
    }

    private static IResult Page(IWebHostEnvironment env, string file) =>
        Results.File(Path.Combine(env.WebRootPath, "rectification", file), "text/html; charset=utf-8");

    /// <summary>
    /// The reply page's words for a visitor without an account: only the dictionary entries under
    /// <c>reply.</c>, <c>rectification.hazard.</c> and <c>rectification.state.</c>, never the rest.
    /// </summary>
    private static IResult ReplyDictionary(string lang, IWebHostEnvironment env)
    {
        var file = lang == "en" ? "en.json" : "zh-CN.json";
        var all = JsonNode.Parse(File.ReadAllText(Path.Combine(env.WebRootPath, "i18n", file)))!.AsObject();
        var words = new JsonObject();
        foreach (var (key, value) in all)
        {
            if (key.StartsWith("reply.", StringComparison.Ordinal) || key.StartsWith("rectification.hazard.", StringComparison.Ordinal) || key.StartsWith("rectification.state.", StringComparison.Ordinal))
                words[key] = value?.DeepClone();
        }
        return Results.Json(words);
    }
}
