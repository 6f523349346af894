using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using SmartPark.Contracts.Topics;
using SmartPark.Dashboard.Supervision;
using SmartPark.Dashboard.Supervision.Editing;
using SmartPark.Dashboard.Supervision.Views;
using SmartPark.ParkData;
using SmartPark.ParkData.Sheets;

namespace SmartPark.Dashboard.Efficiency.Inputs;

/// <summary>
/// A district's economic figures for a year as a sheet: <c>POST /api/efficiency/districts/{district}/economics/{year}/import</c>
/// (a dry run with <c>?dryRun=true</c>, else the import; the district's own officials and admins,
/// decided before a byte is read) and the template <c>…/template.xlsx</c> and <c>…/template.csv</c>
/// for whoever supervises the district. One file of at most <see cref="MaxUploadBytes"/>.
/// </summary>
public static class EconomicsSheetEndpoints
{
    /// <summary>A district's few thousand enterprises are a few hundred kilobytes; the limit is checked before reading.</summary>
    public const long MaxUploadBytes = 2 * 1024 * 1024;

    private const string Route = "/api/efficiency/districts/{district}/economics/{year:int}";

    public static void MapEconomicsSheets(IEndpointRouteBuilder app)
    {
        app.MapPost(Route + "/import", ImportAsync);
        app.MapGet(Route + "/template.xlsx", (HttpContext http, string district, int year, IDbContextFactory<ParkDbContext> factory, TimeProvider clock, CancellationToken ct) =>
            TemplateAsync(http, district, year, factory, clock, EconomicsSheetTemplate.Xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", ct));
        app.MapGet(Route + "/template.csv", (HttpContext http, string district, int year, IDbContextFactory<ParkDbContext> factory, TimeProvider clock, CancellationToken ct) =>
            TemplateAsync(http, district, year, factory, clock, EconomicsSheetTemplate.Csv, "text/csv; charset=utf-8", "csv", ct));
    }

    private static async Task<IResult> ImportAsync(HttpContext http, string district, int year, bool? dryRun,
        IDbContextFactory<ParkDbContext> factory, IAntiforgery antiforgery, TimeProvider clock, ILoggerFactory loggers, CancellationToken ct)
    {
        // Access first, on the district the figures are for, before a byte of the body is read.
        if (!Ids.IsValid(district) || !http.User.CanEditDistrict(district))
            return Results.Problem("only the district's own officials and admins import its figures", statusCode: StatusCodes.Status403Forbidden);
        if (http.Request.ContentLength > MaxUploadBytes)
            return Results.Problem($"the upload is larger than {MaxUploadBytes} bytes", statusCode: StatusCodes.Status413PayloadTooLarge);
        // A body sent without a length (chunked) is cut off at the limit while it is read.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            bodySize.MaxRequestBodySize = MaxUploadBytes;
        if (!await antiforgery.IsRequestValidAsync(http))
            return Results.Problem("missing or invalid anti-forgery token", statusCode: StatusCodes.Status400BadRequest);
        if (!EvaluationYears.IsValid(year, clock))
            return Results.Problem($"the year must be between {EvaluationYears.First} and {EvaluationYears.Last(clock)}", statusCode: StatusCodes.Status400BadRequest);
        if (!http.Request.HasFormContentType)
            return Results.Problem("send the sheet as multipart/form-data", statusCode: StatusCodes.Status415UnsupportedMediaType);

        SheetFile file;
        try
        {
            var form = await http.Request.ReadFormAsync(ct);
            if (form.Files.Count != 1)
                return Results.Problem("send one file", statusCode: StatusCodes.Status400BadRequest);
            using var content = new MemoryStream((int)Math.Min(form.Files[0].Length, MaxUploadBytes));
            await form.Files[0].CopyToAsync(content, ct);
            file = new SheetFile(Path.GetFileName(form.Files[0].FileName), content.ToArray());
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Results.Problem($"the upload is larger than {MaxUploadBytes} bytes", statusCode: StatusCodes.Status413PayloadTooLarge);
        }
        catch (InvalidDataException ex)
        {
            return Results.Problem($"the form could not be read: {ex.Message}", statusCode: StatusCodes.Status400BadRequest);
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await db.Jurisdictions.AnyAsync(j => j.Id == district, ct))
            return Results.Problem($"no district '{district}'", statusCode: StatusCodes.Status404NotFound);
        try
        {
            var actor = ParkEditEndpoints.Actor(http.User);
            var report = await EconomicsSheetImport.RunAsync(db, district, year, file, dryRun == true, actor, ct);
            if (report.Imported)
            {
                loggers.CreateLogger(typeof(EconomicsSheetEndpoints)).LogInformation(
                    "{Actor} imported economic figures {File} for {District} {Year}: {Created} created, {Updated} updated", actor, file.Name, district, year, report.Created, report.Updated);
            }
            return report.Problems.Count > 0 && dryRun != true ? Results.UnprocessableEntity(report) : Results.Ok(report);
        }
        catch (DbUpdateException)
        {
            // Someone saved the same figures between the check and the save: all rolled back.
            return Results.Problem("the figures changed while importing; nothing was imported, try again", statusCode: StatusCodes.Status409Conflict);
        }
    }

    private static async Task<IResult> TemplateAsync(HttpContext http, string district, int year, IDbContextFactory<ParkDbContext> factory, TimeProvider clock,
        Func<IEnumerable<EnterpriseEconomicsView>, byte[]> write, string contentType, string extension, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var (found, refusal) = await SupervisionViewEndpoints.FindDistrictAsync(db, http.User, district, ct);
        if (found is null)
            return refusal!;
        if (!EvaluationYears.IsValid(year, clock))
            return Results.Problem($"the year must be between {EvaluationYears.First} and {EvaluationYears.Last(clock)}", statusCode: StatusCodes.Status400BadRequest);
        var enterprises = await EnterpriseEconomicsView.LoadAsync(db, db.Parks.Where(p => p.DistrictId == found.Id), year, ct);
        return Results.File(write(enterprises), contentType, $"{found.Id}-economics-{year}.{extension}");
    }
}
