using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;
using SmartPark.ParkData;
using SmartPark.ParkData.Entities;
using SmartPark.ParkData.Vocabulary;

namespace SmartPark.Dashboard.Supervision.Projects;

/// <summary>
/// <c>/api/supervision/parks/{park}/projects</c>: a park's renovation projects, listed for whoever
/// supervises the park, created and edited by its district's official or an admin
/// (<see cref="SupervisionAccess.CanEdit"/>). Writes need the anti-forgery header, are audited as
/// the signed-in user (<c>db.Actor</c>) and refuse a stale version with 409.
/// </summary>
public static class ProjectEndpoints
{
    public const int MaxName = 200;
    public const int MaxNote = 2000;

    public static RouteGroupBuilder MapProjects(this RouteGroupBuilder park)
    {
        park.MapGet("/projects", async (HttpContext context, string park, IDbContextFactory<ParkDbContext> factory, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var (found, refusal) = await SupervisedPark.FindAsync(db, context.User, park, cancellationToken);
            if (found is null)
                return refusal!;
            var today = SupervisionCalendar.Today(clock);
            var projects = await db.Projects.AsNoTracking().Include(p => p.Stages).Where(p => p.ParkId == found.Id).OrderBy(p => p.Id).ToListAsync(cancellationToken);
            return Results.Ok(projects.Select(p => ProjectView.Of(p, today)).ToList());
        });

        park.MapPost("/projects", async (HttpContext context, string park, NewProject request, IDbContextFactory<ParkDbContext> factory,
            IAntiforgery antiforgery, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var (found, refusal) = await SupervisedPark.FindAsync(db, context.User, park, cancellationToken);
            if (found is null)
                return refusal!;
            if (!await antiforgery.IsRequestValidAsync(context))
                return Results.Problem("missing or invalid anti-forgery token", statusCode: StatusCodes.Status400BadRequest);
            if (!context.User.CanEdit(found))
                return Results.Problem("only the park's district official or an admin may change its projects", statusCode: StatusCodes.Status403Forbidden);
            if (Validate(request) is { } problem)
                return Results.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
            var kind = request.Kind!;
            var project = new RenovationProject
            {
                ParkId = found.Id,
                NameZh = request.NameZh!.Trim(),
                NameEn = Blank(request.NameEn),
                Kind = kind,
                AreaHectares = request.AreaHectares ?? 0,
                PlannedInvestment = request.PlannedInvestment,
                ActualInvestment = request.ActualInvestment,
                Stages = [.. StageKind.For(kind).Select((stage, i) => new ProjectStage
                {
                    Kind = stage,
                    Order = i,
                    PlannedDate = request.PlannedDates?.GetValueOrDefault(stage),
                })],
            };
            db.Actor = context.User.Identity!.Name!;
            db.Projects.Add(project);
            await db.SaveChangesAsync(cancellationToken);
            return Results.Created($"/api/supervision/parks/{found.Id}/projects/{project.Id}", ProjectView.Of(project, SupervisionCalendar.Today(clock)));
        });

        park.MapPut("/projects/{projectId:long}", async (HttpContext context, string park, long projectId, ProjectEdit request,
            IDbContextFactory<ParkDbContext> factory, IAntiforgery antiforgery, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var (found, refusal) = await SupervisedPark.FindAsync(db, context.User, park, cancellationToken);
            if (found is null)
                return refusal!;
            if (!await antiforgery.IsRequestValidAsync(context))
                return Results.Problem("missing or invalid anti-forgery token", statusCode: StatusCodes.Status400BadRequest);
            if (!context.User.CanEdit(found))
                return Results.Problem("only the park's district official or an admin may change its projects", statusCode: StatusCodes.Status403Forbidden);
            // The project is looked up within the park already checked: an id from another park is not found.
            var project = await db.Projects.Include(p => p.Stages).FirstOrDefaultAsync(p => p.Id == projectId && p.ParkId == found.Id, cancellationToken);
            if (project is null)
                return Results.Problem($"no project {projectId} in park '{found.Id}'", statusCode: StatusCodes.Status404NotFound);
            if (Apply(db, project, request) is { } problem)
                return Results.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
            db.Actor = context.User.Identity!.Name!;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Results.Problem("someone else changed this project since you opened it; reload and apply your change again", statusCode: StatusCodes.Status409Conflict);
            }
            return Results.Ok(ProjectView.Of(project, SupervisionCalendar.Today(clock)));
        });
        return park;
    }

    private static string? Validate(NewProject request)
    {
        if (string.IsNullOrWhiteSpace(request.NameZh) || request.NameZh.Length > MaxName || request.NameEn is { Length: > MaxName })
            return $"a project needs a Chinese name of at most {MaxName} characters";
        if (request.Kind is null || !ParkCategory.All.Contains(request.Kind))
            return $"kind must be one of {string.Join(", ", ParkCategory.All)}";
        if (request.PlannedDates?.Keys.FirstOrDefault(k => !StageKind.For(request.Kind).Contains(k)) is { } stray)
            return $"'{stray}' is not a stage of a {request.Kind} project ({string.Join(", ", StageKind.For(request.Kind))})";
        return Figures(request.AreaHectares, request.PlannedInvestment, request.ActualInvestment);
    }

    private static string? Figures(double? area, double? planned, double? actual) =>
        new[] { area, planned, actual }.Any(v => v is { } x && (x < 0 || !double.IsFinite(x)))
            ? "area and investment cannot be negative"
            : null;

    /// <summary>Copies the edit onto the tracked rows, with the versions the editor read as the ones the save must find.</summary>
    private static string? Apply(ParkDbContext db, RenovationProject project, ProjectEdit request)
    {
        if (request.NameZh is { } zh && (string.IsNullOrWhiteSpace(zh) || zh.Length > MaxName))
            return $"the Chinese name must have 1 to {MaxName} characters";
        if (request.NameEn is { Length: > MaxName })
            return $"the English name must have at most {MaxName} characters";
        if (Figures(request.AreaHectares, request.PlannedInvestment, request.ActualInvestment) is { } bad)
            return bad;
        db.Entry(project).Property(p => p.Version).OriginalValue = request.Version;
        if (request.NameZh is not null)
            project.NameZh = request.NameZh.Trim();
        if (request.NameEn is not null)
            project.NameEn = Blank(request.NameEn);
        if (request.AreaHectares is { } area)
            project.AreaHectares = area;
        project.PlannedInvestment = request.PlannedInvestment;
        project.ActualInvestment = request.ActualInvestment;
        foreach (var edit in request.Stages ?? [])
        {
            var stage = project.Stages.FirstOrDefault(s => s.Kind == edit.Kind);
            if (stage is null)
                return $"'{edit.Kind}' is not a stage of this {project.Kind} project";
            if (edit.Note is { Length: > MaxNote })
                return $"a note has at most {MaxNote} characters";
            db.Entry(stage).Property(s => s.Version).OriginalValue = edit.Version;
            stage.PlannedDate = edit.PlannedDate;
            stage.ActualDate = edit.ActualDate;
            stage.Note = Blank(edit.Note);
        }
        // A stale project version must fail even when only a stage changed: mark the token
        // modified so the UPDATE (and its version check) is always sent.
        db.Entry(project).Property(p => p.Version).IsModified = true;
        return null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
