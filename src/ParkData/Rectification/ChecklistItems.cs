using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartPark.ParkData.Rectification;

/// <summary>An item of an inspection checklist: what to look at, in both languages, and the hazard a failure is.</summary>
public sealed record ChecklistItem(string Id, string TextZh, string? TextEn, string Hazard);

/// <summary>One item's answer in an inspection; <see cref="Order"/> is the order a failure raised.</summary>
public sealed record InspectionAnswer(string Item, bool Passed, string? Note, long? Order);

/// <summary>Reads and writes the JSON columns of checklists and inspections.</summary>
public static class ChecklistItems
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static IReadOnlyList<ChecklistItem> Read(string? json) =>
        string.IsNullOrWhiteSpace(json) ? [] : JsonSerializer.Deserialize<List<ChecklistItem>>(json, Json) ?? [];

    public static string Write(IEnumerable<ChecklistItem> items) => JsonSerializer.Serialize(items.ToList(), Json);

    public static IReadOnlyList<InspectionAnswer> ReadAnswers(string? json) =>
        string.IsNullOrWhiteSpace(json) ? [] : JsonSerializer.Deserialize<List<InspectionAnswer>>(json, Json) ?? [];

    public static string WriteAnswers(IEnumerable<InspectionAnswer> answers) => JsonSerializer.Serialize(answers.ToList(), Json);
}
