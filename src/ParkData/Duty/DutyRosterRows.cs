using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using SmartPark.Contracts.Registry;
using SmartPark.Contracts.Registry.Duty;
using SmartPark.ParkData.Entities;

namespace SmartPark.ParkData.Duty;

/// <summary>
/// Between a <see cref="DutyRosterRow"/> and the registry's <see cref="RegistryDuty"/>: every save
/// path (YAML import, the Dashboard's roster form) writes a row through <see cref="Write"/>, after
/// <see cref="Check"/> (the registry's own <see cref="DutyValidator"/>), and the registry is read
/// from it through <see cref="Read"/>. Written the same way every time, so an unchanged roster
/// leaves the columns (and the audit trail) untouched.
/// </summary>
public static class DutyRosterRows
{
    // A database column and the audit trail, never HTML: written as a person reads it (张工, +8613800000001), not as \u5F20 or \u002B.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The day words rows and forms use, Monday first as the Chinese week is.</summary>
    public static IReadOnlyList<(string Word, DayOfWeek Day)> Days { get; } =
    [
        ("mon", DayOfWeek.Monday), ("tue", DayOfWeek.Tuesday), ("wed", DayOfWeek.Wednesday), ("thu", DayOfWeek.Thursday),
        ("fri", DayOfWeek.Friday), ("sat", DayOfWeek.Saturday), ("sun", DayOfWeek.Sunday),
    ];

    public const string TimeFormat = "HH:mm";

    /// <summary>One person in <see cref="DutyRosterRow.PeopleJson"/> (nullable only for reading a damaged column).</summary>
    public sealed record Person(
        string? Id,
        string? Name,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Phone,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Email);

    /// <summary>One shift in <see cref="DutyRosterRow.ShiftsJson"/>.</summary>
    public sealed record Shift(IReadOnlyList<string>? Days, string? From, string? Until, IReadOnlyList<string>? People);

    /// <summary>A roster with nobody and no shift is no roster: alarms then reach groups only.</summary>
    public static bool IsEmpty(RegistryDuty? duty) => duty is null || (duty.People.Count == 0 && duty.Shifts.Count == 0 && duty.Manager is null);

    /// <summary>The registry's rules for a roster (<see cref="DutyValidator"/>): ids, reachable people, known manager and shift people.</summary>
    public static List<RegistryError> Check(string parkId, RegistryDuty duty)
    {
        var errors = new List<RegistryError>();
        DutyValidator.Check(new RegistryPark { Id = parkId, Name = parkId, District = "", LeadingIndustry = "", Duty = duty }, errors);
        return errors;
    }

    /// <summary>Makes the row say what the roster says (columns assigned only when they differ, so nothing changes for the same roster).</summary>
    public static void Write(DutyRosterRow row, RegistryDuty? duty)
    {
        var people = JsonSerializer.Serialize((duty?.People ?? []).Select(p => new Person(p.Id, p.Name, p.Phone, p.Email)).ToList(), Json);
        var shifts = JsonSerializer.Serialize((duty?.Shifts ?? []).Select(s => new Shift(
            [.. Days.Where(d => s.Days.Contains(d.Day)).Select(d => d.Word)],
            s.From.ToString(TimeFormat, CultureInfo.InvariantCulture),
            s.Until.ToString(TimeFormat, CultureInfo.InvariantCulture),
            s.People)).ToList(), Json);
        if (row.PeopleJson != people)
            row.PeopleJson = people;
        if (row.ShiftsJson != shifts)
            row.ShiftsJson = shifts;
        if (row.Manager != duty?.Manager)
            row.Manager = duty?.Manager;
    }

    /// <summary>The roster a row holds (null when it is empty); a column that cannot be read is a problem, not an exception.</summary>
    public static RegistryDuty? Read(DutyRosterRow row, List<RegistryError> problems)
    {
        var what = $"park '{row.ParkId}' duty";
        var people = Parse<List<Person>>(row.PeopleJson, $"{what}: people", problems) ?? [];
        var shifts = Parse<List<Shift>>(row.ShiftsJson, $"{what}: shifts", problems) ?? [];
        var duty = new RegistryDuty
        {
            Manager = row.Manager,
            People = [.. people.Select(p => new RegistryDutyPerson { Id = p.Id ?? "", Name = p.Name ?? "", Phone = p.Phone, Email = p.Email })],
            Shifts = [.. shifts.Select(s => new RegistryDutyShift
            {
                Days = [.. Days.Where(d => (s.Days ?? []).Contains(d.Word)).Select(d => d.Day)],
                From = Time(s.From, what, problems),
                Until = Time(s.Until, what, problems),
                People = s.People ?? [],
            })],
        };
        foreach (var shift in shifts.Where(s => (s.Days ?? []).Any(word => !Days.Any(d => d.Word == word)) || (s.Days ?? []).Count == 0))
            problems.Add(new(0, $"{what}: a shift's days must be {string.Join(", ", Days.Select(d => d.Word))}, not [{string.Join(", ", shift.Days ?? [])}]"));
        return IsEmpty(duty) ? null : duty;
    }

    private static TimeOnly Time(string? text, string what, List<RegistryError> problems)
    {
        if (TimeOnly.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            return time;
        problems.Add(new(0, $"{what}: a shift's time '{text}' is not HH:mm"));
        return default;
    }

    private static T? Parse<T>(string json, string what, List<RegistryError> problems)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Json) ?? throw new JsonException("null");
        }
        catch (JsonException ex)
        {
            problems.Add(new(0, $"{what} are not readable JSON ({ex.Message})"));
            return null;
        }
    }
}
