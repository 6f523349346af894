namespace SmartPark.Dashboard.Auth;

/// <summary>
/// Refuses, with 403, any page or API under <c>/parks/{park}</c> or <c>/api/parks/{park}</c> of a
/// park the signed-in user may not see. Being middleware in front of every such endpoint, a new
/// park endpoint is covered without remembering to check.
/// </summary>
public sealed class ParkGate(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (ParkOf(context.Request.Path) is { } park && context.User.Identity?.IsAuthenticated == true && !context.User.CanSee(park))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return context.Response.WriteAsync($"403: you may not see park '{park}'");
        }
        return next(context);
    }

    /// <summary>The park a path is about, or null.</summary>
    public static string? ParkOf(PathString path)
    {
        var segments = (path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length >= 2 && segments[0] == "parks")
            return Uri.UnescapeDataString(segments[1]);
        if (segments.Length >= 3 && segments[0] == "api" && segments[1] == "parks")
            return Uri.UnescapeDataString(segments[2]);
        return null;
    }
}
