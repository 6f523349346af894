using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartPark.Dashboard.Supervision;
using SmartPark.ParkData;
using SmartPark.ParkData.Entities.Rectification;
using SmartPark.ParkData.Rectification;

namespace SmartPark.Dashboard.Rectification;

/// <summary>An upload as read from a form: the bytes and the name the browser gave.</summary>
public sealed record UploadedFile(string? Name, byte[] Content);

/// <summary>
/// What every way of changing an order shares, so the operator's endpoints and the enterprise's
/// reply link cannot differ: a step is taken only where <see cref="RectificationStateMachine"/>
/// allows it, recorded in the history with who, when and the note, and the files that come with
/// it are checked and stored (<see cref="EvidenceStore"/>) before anything is saved.
/// </summary>
public sealed class RectificationService(IOptions<RectificationOptions> options, TimeProvider clock)
{
    public EvidenceStore Store { get; } = new(options.Value.EvidenceDirectory);

    public RectificationOptions Options => options.Value;

    public DateOnly Today => SupervisionCalendar.Today(clock);

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Checks every file first (nothing is stored when one is refused); null with the reasons when any is refused.</summary>
    public async Task<(List<StoredEvidence>? Stored, List<string> Refusals)> StoreAsync(IReadOnlyList<UploadedFile> files, CancellationToken ct)
    {
        var refusals = new List<string>();
        if (files.Count > Options.MaxFilesPerUpload)
            return (null, [$"at most {Options.MaxFilesPerUpload} files at once"]);
        foreach (var file in files)
        {
            if (file.Content.Length > Options.MaxEvidenceBytes)
                refusals.Add($"{EvidenceContent.DisplayName(file.Name) ?? "file"}: larger than {Options.MaxEvidenceBytes} bytes");
            else if (EvidenceContent.Detect(file.Content, out var why) is null)
                refusals.Add($"{EvidenceContent.DisplayName(file.Name) ?? "file"}: {why}");
        }
        if (refusals.Count > 0)
            return (null, refusals);
        var stored = new List<StoredEvidence>();
        foreach (var file in files)
            stored.Add((await Store.SaveAsync(file.Content, Options.MaxEvidenceBytes, ct))!);
        return (stored, refusals);
    }

    /// <summary>
    /// Takes <paramref name="action"/> on the tracked <paramref name="order"/> with its files; the
    /// reason when the state machine refuses it. The caller saves (one transaction, audited).
    /// </summary>
    public string? Apply(ParkDbContext db, RectificationOrder order, string action, string actor, string? note, IReadOnlyList<(StoredEvidence File, string? Name)> files)
    {
        var next = RectificationStateMachine.Next(order.State, action);
        if (next is null)
            return $"an order that is {order.State} cannot be {action}";
        if (RectificationStateMachine.NeedsNote(action) && string.IsNullOrWhiteSpace(note))
            return $"{action} needs a note";
        var now = Now;
        var step = new RectificationStep { Action = action, FromState = order.State, ToState = next, At = now, Actor = actor, Note = Clean(note), Order = order };
        order.Steps.Add(step);
        order.State = next;
        if (next == RectificationStates.Closed)
            order.ClosedAt = now;
        // A rejected reply sends the order back: the link (if still valid) lets the enterprise answer again.
        foreach (var (file, name) in files)
        {
            var evidence = new RectificationEvidence
            {
                ParkId = order.ParkId,
                Order = order,
                Step = step,
                Sha256 = file.Sha256,
                ContentType = file.Kind.ContentType,
                Size = file.Size,
                OriginalName = EvidenceContent.DisplayName(name),
                UploadedAt = now,
                UploadedBy = actor,
            };
            order.Evidence.Add(evidence);
            db.RectificationEvidence.Add(evidence);
        }
        db.RectificationSteps.Add(step);
        return null;
    }

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The order with its history and files, read without tracking.</summary>
    public static Task<RectificationOrder?> FindAsync(ParkDbContext db, string park, long id, CancellationToken ct) =>
        db.RectificationOrders.AsNoTracking().Include(o => o.Steps).Include(o => o.Evidence).AsSplitQuery()
            .FirstOrDefaultAsync(o => o.Id == id && o.ParkId == park, ct);
}
