namespace SmartPark.ParkData.Entities.Rectification;

/// <summary>
/// A park's inspection checklist (安全检查表): the items an inspector walks through at an
/// enterprise. The items are a JSON array in <see cref="ItemsJson"/>
/// (<c>[{"id":"extinguishers","textZh":"…","textEn":"…","hazard":"fire"}]</c>, read by
/// <see cref="ParkData.Rectification.ChecklistItems"/>): they are edited and read as one list, and an
/// inspection keeps the item ids it answered, so a later edit of the list leaves past inspections readable.
/// </summary>
public sealed class InspectionChecklist : IVersioned, IAudited
{
    public long Id { get; set; }
    public required string ParkId { get; set; }
    public required string NameZh { get; set; }
    public string? NameEn { get; set; }
    public string ItemsJson { get; set; } = "[]";
    public long Version { get; set; }

    public string AuditKey => $"checklist:{ParkId}/{Id}";
}

/// <summary>
/// One inspection of an enterprise against a checklist: each item passed or failed with a note
/// (<see cref="AnswersJson"/>: <c>[{"item":"extinguishers","passed":false,"note":"…","order":12}]</c>),
/// and for each failed item the rectification order it raised.
/// </summary>
public sealed class Inspection : IAudited
{
    public long Id { get; set; }
    public required string ParkId { get; set; }
    public required string EnterpriseId { get; set; }
    public long ChecklistId { get; set; }
    public DateTime At { get; set; }
    public required string Inspector { get; set; }
    public string? Note { get; set; }
    public string AnswersJson { get; set; } = "[]";

    public string AuditKey => $"inspection:{ParkId}/{Id}";
}
