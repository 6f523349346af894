namespace SmartPark.Contracts.Registry.Duty;

/// <summary>
/// Who is on duty at a moment: the people of the first shift that covers it, in their order, then
/// the park's manager (once, even if on the shift). Shifts are read in China Standard Time, the
/// time the park's people work by. Level 0 of an escalation is the first of the chain; each level
/// after it is the next; the last is the manager.
/// </summary>
public static class DutyRoster
{
    /// <summary>China Standard Time: UTC+8, no daylight saving.</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static IReadOnlyList<RegistryDutyPerson> ChainAt(RegistryDuty? duty, DateTimeOffset at)
    {
        if (duty is null)
            return [];
        var people = duty.People.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var chain = new List<RegistryDutyPerson>();
        if (ShiftAt(duty, at) is { } shift)
        {
            foreach (var id in shift.People)
            {
                if (people.TryGetValue(id, out var person) && !chain.Contains(person))
                    chain.Add(person);
            }
        }
        if (duty.Manager is { } manager && people.TryGetValue(manager, out var boss))
        {
            chain.Remove(boss);
            chain.Add(boss);
        }
        return chain;
    }

    /// <summary>The first shift (in the roster's order) covering <paramref name="at"/>, or null.</summary>
    public static RegistryDutyShift? ShiftAt(RegistryDuty duty, DateTimeOffset at)
    {
        var local = at.ToOffset(ChinaOffset);
        var time = TimeOnly.FromTimeSpan(local.TimeOfDay);
        var today = local.DayOfWeek;
        var yesterday = local.AddDays(-1).DayOfWeek;
        foreach (var shift in duty.Shifts)
        {
            if (Covers(shift, today, yesterday, time))
                return shift;
        }
        return null;
    }

    private static bool Covers(RegistryDutyShift shift, DayOfWeek today, DayOfWeek yesterday, TimeOnly time)
    {
        if (shift.From < shift.Until)
            return shift.Days.Contains(today) && time >= shift.From && time < shift.Until;
        // Past midnight (or a whole day when From == Until): the evening part belongs to today's
        // shift, the morning part to yesterday's.
        return (shift.Days.Contains(today) && time >= shift.From)
            || (shift.Days.Contains(yesterday) && time < shift.Until);
    }
}
