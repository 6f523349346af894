using SmartPark.Contracts.Topics;

namespace SmartPark.Contracts.Registry.Duty;

/// <summary>A roster's rules: person ids follow the id rule and are unique in the park, everyone can be reached
/// (a valid phone or email), the manager and every shift's people are on the roster, a shift names someone.</summary>
public static class DutyValidator
{
    public static void Check(RegistryPark park, List<RegistryError> errors)
    {
        if (park.Duty is not { } duty)
            return;
        var what = $"park '{park.Id}' duty";
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var person in duty.People)
        {
            if (person.Id.Length > 0 && !Ids.IsValid(person.Id))
                errors.Add(new(person.LineOf("id"), $"{what}: person id '{person.Id}' does not match {Ids.Pattern}"));
            else if (person.Id.Length > 0 && !ids.TryAdd(person.Id, person.LineOf("id")))
                errors.Add(new(person.LineOf("id"), $"{what}: person '{person.Id}' is listed twice (first on line {ids[person.Id]})"));
            if (person.Phone is null && person.Email is null)
                errors.Add(new(person.Line, $"{what}: person '{person.Id}' has neither phone nor email, so no message can reach them"));
            if (person.Phone is { } phone && !DutyContacts.IsPhone(phone))
                errors.Add(new(person.LineOf("phone"), $"{what}: person '{person.Id}': phone '{phone}' is not a mobile number in international form (+8613800000000)"));
            if (person.Email is { } email && !DutyContacts.IsEmail(email))
                errors.Add(new(person.LineOf("email"), $"{what}: person '{person.Id}': email '{email}' is not an address"));
        }
        if (duty.Manager is { Length: > 0 } manager && !ids.ContainsKey(manager))
            errors.Add(new(duty.LineOf("manager"), $"{what}: manager '{manager}' is not one of its people"));
        foreach (var shift in duty.Shifts)
        {
            if (shift.People.Count == 0)
                errors.Add(new(shift.LineOf("people"), $"{what}: a shift names nobody"));
            foreach (var id in shift.People.Where(id => !ids.ContainsKey(id)))
                errors.Add(new(shift.LineOf("people"), $"{what}: shift person '{id}' is not one of its people"));
        }
    }
}
