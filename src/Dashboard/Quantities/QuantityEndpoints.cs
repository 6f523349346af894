namespace SmartPark.Dashboard.Quantities;

/// <summary>
/// <c>GET /api/quantities</c>: the quantity catalogue as the pages need it (titles in both
/// languages, unit, kind), so a quantity added to the catalogue shows with its title without an
/// entry in the i18n dictionaries. Signed-in users only; it holds no park data.
/// </summary>
public static class QuantityEndpoints
{
    public const string Path = "/api/quantities";

    /// <summary>Built once: the catalogue does not change while the process runs.</summary>
    private static readonly IReadOnlyList<QuantityView> Views = QuantityView.Catalogue();

    public static IEndpointRouteBuilder MapQuantities(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, () => Views).RequireAuthorization();
        return app;
    }
}
