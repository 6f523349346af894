using SmartPark.Contracts.Topics;
using SmartPark.Dashboard.Supervision.Editing;
using SmartPark.ParkData.Rectification;

namespace SmartPark.Dashboard.Rectification;

/// <summary>A new order as the page sends it, from an alert or by hand; the responsible person defaults to the enterprise's contact.</summary>
public sealed record OrderForm(
    string? EnterpriseId,
    string? Source,
    string? AlertId,
    string? Hazard,
    string? Description,
    string? ResponsibleName,
    string? ResponsiblePhone,
    DateOnly? Deadline)
{
    /// <summary>An alert id as Ingest makes them (rule, park, enterprise, device joined by ids' characters and <c>:</c>/<c>_</c>).</summary>
    private static bool IsAlertId(string id) => id.Length <= 200 && id.All(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '_' or ':' or '.');

    public FieldErrors Validate(DateOnly today)
    {
        var errors = new FieldErrors();
        if (!Ids.IsValid(EnterpriseId))
            errors.Add("enterpriseId", "required", "enterpriseId is required");
        errors.OneOf("source", Source ?? RectificationSources.Manual, [RectificationSources.Alert, RectificationSources.Manual]);
        if (Source == RectificationSources.Alert && (AlertId is null || !IsAlertId(AlertId)))
            errors.Add("alertId", "required", "an order from an alert names the alert");
        errors.OneOf("hazard", Hazard, HazardCategories.All);
        errors.Required("description", Description, 2000);
        errors.Length("responsibleName", ResponsibleName, 100);
        errors.Length("responsiblePhone", ResponsiblePhone, 32);
        if (Deadline is not { } deadline)
            errors.Add("deadline", "required", "deadline is required");
        else if (deadline < today)
            errors.Add("deadline", "past", "the deadline is not in the past");
        else if (deadline > today.AddYears(2))
            errors.Add("deadline", "range", "the deadline is within two years");
        return errors;
    }
}
