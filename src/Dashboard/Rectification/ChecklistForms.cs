using SmartPark.Contracts.Topics;
using SmartPark.Dashboard.Supervision.Editing;
using SmartPark.ParkData.Rectification;

namespace SmartPark.Dashboard.Rectification;

/// <summary>A checklist as the page sends it; <see cref="Version"/> is the one loaded (for an edit).</summary>
public sealed record ChecklistForm(string? NameZh, string? NameEn, List<ChecklistItem>? Items, long? Version)
{
    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        errors.Required("nameZh", NameZh);
        errors.Length("nameEn", NameEn);
        if (Items is not { Count: > 0 and <= 100 })
        {
            errors.Add("items", "required", "a checklist has 1 to 100 items");
            return errors;
        }
        if (Items.Select(i => i.Id).Distinct(StringComparer.Ordinal).Count() != Items.Count)
            errors.Add("items", "duplicate", "item ids are unique");
        foreach (var (item, i) in Items.Select((item, i) => (item, i)))
        {
            if (!Ids.IsValid(item.Id))
                errors.Add($"items[{i}].id", "id", "an item id is lower-case letters, digits and '-'");
            errors.Required($"items[{i}].textZh", item.TextZh, 300);
            errors.Length($"items[{i}].textEn", item.TextEn, 300);
            errors.OneOf($"items[{i}].hazard", item.Hazard, HazardCategories.All);
        }
        return errors;
    }
}

/// <summary>One answered item of an inspection as the page sends it.</summary>
public sealed record AnswerForm(string? Item, bool? Passed, string? Note);

/// <summary>An inspection as the page sends it: the checklist, the enterprise, each item's answer, and the deadline for what failed.</summary>
public sealed record InspectionForm(long? ChecklistId, string? EnterpriseId, string? Note, DateOnly? Deadline, List<AnswerForm>? Answers)
{
    public FieldErrors Validate(IReadOnlyList<ChecklistItem> items, DateOnly today)
    {
        var errors = new FieldErrors();
        if (!Ids.IsValid(EnterpriseId))
            errors.Add("enterpriseId", "required", "enterpriseId is required");
        errors.Length("note", Note, 2000);
        var answers = Answers ?? [];
        var known = items.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        if (answers.Count == 0)
            errors.Add("answers", "required", "answer at least one item");
        if (answers.Any(a => a.Item is null || !known.Contains(a.Item)))
            errors.Add("answers", "unknown_item", "every answer is to an item of the checklist");
        if (answers.Select(a => a.Item).Distinct().Count() != answers.Count)
            errors.Add("answers", "duplicate", "each item is answered once");
        if (answers.Any(a => a.Passed is null))
            errors.Add("answers", "required", "every answer is pass or fail");
        foreach (var (answer, i) in answers.Select((a, i) => (a, i)))
            errors.Length($"answers[{i}].note", answer.Note, 1000);
        if (answers.Any(a => a.Passed == false))
        {
            if (Deadline is not { } deadline)
                errors.Add("deadline", "required", "a failed item needs a deadline for its order");
            else if (deadline < today)
                errors.Add("deadline", "past", "the deadline is not in the past");
        }
        return errors;
    }
}
