using System.Globalization;
using SmartPark.Contracts.Registry.Duty;
using SmartPark.Dashboard.Supervision.Editing;
using SmartPark.ParkData.Duty;

namespace SmartPark.Dashboard.Supervision.Duty;

/// <summary>
/// A park's whole roster as the page sends it, with the <see cref="Version"/> it loaded (0: there
/// was none). Checked field by field here, then by the registry's own rules
/// (<see cref="DutyRosterRows.Check"/>: ids, a phone or email for everyone, known manager and shift
/// people), so the page cannot store a roster the registry would refuse.
/// </summary>
public sealed record DutyRosterForm
{
    public const int MaxPeople = 100;
    public const int MaxShifts = 50;

    public long Version { get; init; }
    public string? Manager { get; init; }
    public IReadOnlyList<DutyPersonForm>? People { get; init; }
    public IReadOnlyList<DutyShiftForm>? Shifts { get; init; }

    /// <summary>The roster the form describes (phones normalised to E.164, blanks as unset) and every refusal.</summary>
    public (RegistryDuty Duty, FieldErrors Errors) Read(string park)
    {
        var errors = new FieldErrors();
        var people = People ?? [];
        var shifts = Shifts ?? [];
        if (people.Count > MaxPeople)
            errors.Add("people", "too_many", $"a roster has at most {MaxPeople} people");
        if (shifts.Count > MaxShifts)
            errors.Add("shifts", "too_many", $"a roster has at most {MaxShifts} shifts");
        var duty = new RegistryDuty
        {
            Manager = ParkForm.Blank(Manager),
            People = [.. people.Select((p, i) => Person(p, $"people[{i}]", errors))],
            Shifts = [.. shifts.Select((s, i) => Shift(s, $"shifts[{i}]", errors))],
        };
        if (!errors.Any)
        {
            // The registry's rules, word for word what an import of the same roster would say.
            foreach (var problem in DutyRosterRows.Check(park, duty))
                errors.Add("duty", "duty_rule", problem.Message);
        }
        return (duty, errors);
    }

    private static RegistryDutyPerson Person(DutyPersonForm? form, string field, FieldErrors errors)
    {
        var id = ParkForm.Blank(form?.Id);
        var name = ParkForm.Blank(form?.Name);
        errors.Required($"{field}.id", id, 64);
        errors.Required($"{field}.name", name, 100);
        var phone = ParkForm.Blank(form?.Phone) is { } text ? DutyContacts.NormalisePhone(text) : null;
        var email = ParkForm.Blank(form?.Email);
        if (phone is not null && !DutyContacts.IsPhone(phone))
            errors.Add($"{field}.phone", "phone", $"'{phone}' is not a mobile number in international form (+8613800000000)");
        if (email is not null && !DutyContacts.IsEmail(email))
            errors.Add($"{field}.email", "email", $"'{email}' is not an email address");
        if (phone is null && email is null)
            errors.Add($"{field}.phone", "unreachable", "a phone or an email is needed, or no message can reach this person");
        return new RegistryDutyPerson { Id = id ?? "", Name = name ?? "", Phone = phone, Email = email };
    }

    private static RegistryDutyShift Shift(DutyShiftForm? form, string field, FieldErrors errors)
    {
        var words = form?.Days ?? [];
        var days = DutyRosterRows.Days.Where(d => words.Contains(d.Word)).Select(d => d.Day).ToList();
        if (days.Count == 0 || words.Any(w => !DutyRosterRows.Days.Any(d => d.Word == w)))
            errors.Add($"{field}.days", "days", $"days are one or more of {string.Join(", ", DutyRosterRows.Days.Select(d => d.Word))}");
        var people = (form?.People ?? []).Select(p => p?.Trim() ?? "").ToList();
        if (people.Count == 0)
            errors.Add($"{field}.people", "nobody", "a shift names at least one person");
        return new RegistryDutyShift
        {
            Days = days,
            From = Time(form?.From, $"{field}.from", errors),
            Until = Time(form?.Until, $"{field}.until", errors),
            People = people,
        };
    }

    private static TimeOnly Time(string? text, string field, FieldErrors errors)
    {
        if (TimeOnly.TryParseExact(text?.Trim(), DutyRosterRows.TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            return time;
        errors.Add(field, "time", $"{field} is a time of day HH:mm (China Standard Time)");
        return default;
    }
}

/// <summary>A person on the form: id (lower-case, digits, '-'), name, and at least one of phone and email.</summary>
public sealed record DutyPersonForm(string? Id, string? Name, string? Phone, string? Email);

/// <summary>A shift on the form: day words (<c>mon</c>…<c>sun</c>), from and until HH:mm China time, person ids in escalation order.</summary>
public sealed record DutyShiftForm(IReadOnlyList<string>? Days, string? From, string? Until, IReadOnlyList<string?>? People);
