using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartPark.Contracts.Topics;
using SmartPark.Dashboard.Auth;
using SmartPark.ParkData;
using SmartPark.ParkData.Entities;
using SmartPark.ParkData.Sheets;

namespace SmartPark.Dashboard.Supervision.Sheets;

/// <summary>
/// A district's park list as sheets: upload (a dry run that only reports, or the import) by the
/// district's own official or an admin, and download as XLSX or CSV in the layout the upload reads,
/// by anyone who supervises the district. Who may do what is <see cref="SupervisionAccess"/>'s
/// decision on the district id, checked before the body is read. Without a park database these
/// answer 404, as the other supervision endpoints do.
/// </summary>
public static class DistrictSheetEndpoints
{
    public const string DistrictRoute = "/api/supervision/districts/{district}";

    public static IServiceCollection AddDistrictSheets(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SheetImportOptions>(configuration.GetSection(SheetImportOptions.Section));
        return services;
    }

    public static IEndpointRouteBuilder MapDistrictSheets(this IEndpointRouteBuilder app)
    {
        // The import page's choice of district: those the caller may import into.
        app.MapGet("/api/supervision/import/districts", async (HttpContext context, CancellationToken cancellationToken) =>
        {
            if (Database(context) is not { } factory)
                return NoDatabase();
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var districts = await db.VisibleDistricts(context.User).OrderBy(j => j.CityId).ThenBy(j => j.Id)
                .Select(j => new { id = j.Id, nameZh = j.NameZh, nameEn = j.NameEn, cityZh = j.CityNameZh, cityEn = j.CityNameEn, minimumParkHectares = j.MinimumParkHectares })
                .ToListAsync(cancellationToken);
            return Results.Ok(districts.Where(d => context.User.CanEditDistrict(d.id)));
        });

        app.MapPost(DistrictRoute + "/parks/import", ImportAsync);

        app.MapGet(DistrictRoute + "/parks.xlsx", (HttpContext context, string district, CancellationToken cancellationToken) =>
            DownloadAsync(context, district, (parks, j) => DistrictSheetExport.Xlsx(parks, j.NameZh),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{district}-parks.xlsx", cancellationToken));
        app.MapGet(DistrictRoute + "/parks.csv", (HttpContext context, string district, CancellationToken cancellationToken) =>
            DownloadAsync(context, district, (parks, j) => DistrictSheetExport.ParksCsv(parks, j.NameZh),
                "text/csv; charset=utf-8", $"{district}-parks.csv", cancellationToken));
        app.MapGet(DistrictRoute + "/enterprises.csv", (HttpContext context, string district, CancellationToken cancellationToken) =>
            DownloadAsync(context, district, (parks, _) => DistrictSheetExport.EnterprisesCsv(parks),
                "text/csv; charset=utf-8", $"{district}-enterprises.csv", cancellationToken));
        return app;
    }

    private static IDbContextFactory<ParkDbContext>? Database(HttpContext context) =>
        context.RequestServices.GetService<IDbContextFactory<ParkDbContext>>();

    private static IResult NoDatabase() => Results.Problem("this Dashboard has no park database", statusCode: StatusCodes.Status404NotFound);

    private static async Task<IResult> ImportAsync(HttpContext context, string district, bool? dryRun,
        IOptions<SheetImportOptions> options, IAntiforgery antiforgery, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (Database(context) is not { } factory)
            return NoDatabase();
        // Access first, on the district the sheet is for, before a byte of it is read.
        if (!Ids.IsValid(district) || !context.User.CanEditDistrict(district))
            return Results.Problem("only the district's own official or an admin may import its parks", statusCode: StatusCodes.Status403Forbidden);
        var limit = options.Value.MaxUploadBytes;
        if (context.Request.ContentLength > limit)
            return Results.Problem($"the upload is larger than {limit} bytes", statusCode: StatusCodes.Status413PayloadTooLarge);
        // A body sent without a length (chunked) is cut off at the limit while it is read.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            bodySize.MaxRequestBodySize = limit;
        // The token is taken from the header, so checking it does not read the form.
        if (!await antiforgery.IsRequestValidAsync(context))
            return Results.Problem("missing or invalid anti-forgery token", statusCode: StatusCodes.Status400BadRequest);
        if (!context.Request.HasFormContentType)
            return Results.Problem("send the sheets as multipart/form-data", statusCode: StatusCodes.Status415UnsupportedMediaType);

        List<SheetFile> files;
        try
        {
            var form = await context.Request.ReadFormAsync(cancellationToken);
            if (form.Files.Count == 0 || form.Files.Count > options.Value.MaxFiles)
                return Results.Problem($"send 1 to {options.Value.MaxFiles} files", statusCode: StatusCodes.Status400BadRequest);
            files = [];
            foreach (var file in form.Files)
            {
                using var content = new MemoryStream((int)Math.Min(file.Length, limit));
                await file.CopyToAsync(content, cancellationToken);
                files.Add(new SheetFile(Path.GetFileName(file.FileName), content.ToArray()));
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Results.Problem($"the upload is larger than {limit} bytes", statusCode: StatusCodes.Status413PayloadTooLarge);
        }
        catch (InvalidDataException ex)
        {
            return Results.Problem($"the form could not be read: {ex.Message}", statusCode: StatusCodes.Status400BadRequest);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!await db.Jurisdictions.AnyAsync(j => j.Id == district, cancellationToken))
            return Results.Problem($"no district '{district}'", statusCode: StatusCodes.Status404NotFound);
        try
        {
            var actor = context.User.Identity?.Name ?? "unknown";
            var report = await DistrictSheetImport.RunAsync(db, district, files, dryRun == true, actor, cancellationToken);
            if (report.Imported)
            {
                loggers.CreateLogger(typeof(DistrictSheetEndpoints)).LogInformation(
                    "{Actor} imported {Files} into {District}: parks {Parks}, enterprises {Enterprises}", actor, string.Join(", ", files.Select(f => f.Name)), district, report.Parks, report.Enterprises);
            }
            // Problems on a real import: nothing was written, and the answer says so by its status too.
            return report.Problems.Count > 0 && dryRun != true ? Results.UnprocessableEntity(report) : Results.Ok(report);
        }
        catch (DbUpdateException)
        {
            // Someone changed the same parks between the check and the save (DbUpdateConcurrencyException
            // is one): the whole import was rolled back; checking again sees their change.
            return Results.Problem("the parks changed while importing; nothing was imported, try again", statusCode: StatusCodes.Status409Conflict);
        }
    }

    private static async Task<IResult> DownloadAsync(HttpContext context, string district, Func<List<Park>, Jurisdiction, byte[]> write,
        string contentType, string fileName, CancellationToken cancellationToken)
    {
        if (Database(context) is not { } factory)
            return NoDatabase();
        // Whoever does not supervise the district gets 403 whatever its spelling, as for every
        // supervision endpoint: only an admin learns that an id is no district.
        if (!Ids.IsValid(district))
        {
            return context.User.IsAdmin()
                ? Results.Problem("not a district id", statusCode: StatusCodes.Status404NotFound)
                : Results.Problem("you do not supervise this district", statusCode: StatusCodes.Status403Forbidden);
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var jurisdiction = await db.VisibleDistricts(context.User).AsNoTracking().SingleOrDefaultAsync(j => j.Id == district, cancellationToken);
        if (jurisdiction is null)
        {
            return context.User.IsAdmin()
                ? Results.Problem($"no district '{district}'", statusCode: StatusCodes.Status404NotFound)
                : Results.Problem("you do not supervise this district", statusCode: StatusCodes.Status403Forbidden);
        }
        var parks = await DistrictSheetExport.LoadAsync(db, jurisdiction.Id, cancellationToken);
        return Results.File(write(parks, jurisdiction), contentType, fileName);
    }
}
