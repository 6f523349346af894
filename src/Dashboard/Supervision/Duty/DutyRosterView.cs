using System.Globalization;
using SmartPark.Contracts.Registry.Duty;
using SmartPark.ParkData.Duty;
using SmartPark.ParkData.Entities;

namespace SmartPark.Dashboard.Supervision.Duty;

/// <summary>
/// A park's roster as the page shows it: the people, the shifts, the manager, who is on duty now
/// and the week as a picture. "Now" and the week are computed here by <see cref="DutyRoster"/>, the
/// same function that picks whom a notification reaches, so the picture cannot disagree with the
/// messages (China Standard Time; shifts past midnight belong to the day they start).
/// </summary>
/// <param name="Park">The park's id and names.</param>
/// <param name="CanEdit">Whether this user may replace the roster.</param>
/// <param name="Manager">The manager's person id, told last.</param>
/// <param name="People">The people in order.</param>
/// <param name="Shifts">The shifts in order (the first covering a moment wins).</param>
/// <param name="Now">Who is on duty at the moment the view was made.</param>
/// <param name="Version">The version to send back with a change (0: no roster yet).</param>
/// <param name="Week">Monday to Sunday, 24 hours each: the id of the first person on duty at the start of that hour, or null when no shift covers it (only the manager is told).</param>
public sealed record DutyRosterView(
    DutyParkView Park, bool CanEdit, long Version, string? Manager,
    IReadOnlyList<DutyPersonView> People, IReadOnlyList<DutyShiftView> Shifts,
    DutyNowView Now, IReadOnlyList<IReadOnlyList<string?>> Week)
{
    public static DutyRosterView Of(Park park, DutyRosterRow? row, bool canEdit, DateTimeOffset now)
    {
        var duty = row is null ? null : DutyRosterRows.Read(row, []);
        return new DutyRosterView(
            new DutyParkView(park.Id, park.NameZh, park.NameEn),
            canEdit,
            row?.Version ?? 0,
            duty?.Manager,
            [.. (duty?.People ?? []).Select(p => new DutyPersonView(p.Id, p.Name, p.Phone, p.Email))],
            [.. (duty?.Shifts ?? []).Select(s => new DutyShiftView(
                [.. DutyRosterRows.Days.Where(d => s.Days.Contains(d.Day)).Select(d => d.Word)],
                Time(s.From), Time(s.Until), s.People))],
            NowOf(duty, now),
            WeekOf(duty, now));
    }

    private static string Time(TimeOnly time) => time.ToString(DutyRosterRows.TimeFormat, CultureInfo.InvariantCulture);

    private static DutyNowView NowOf(RegistryDuty? duty, DateTimeOffset now)
    {
        var local = now.ToOffset(DutyRoster.ChinaOffset);
        var shift = duty is null ? null : DutyRoster.ShiftAt(duty, now);
        return new DutyNowView(
            local,
            DutyRosterRows.Days.First(d => d.Day == local.DayOfWeek).Word,
            local.Hour,
            shift is null ? null : duty!.Shifts.ToList().IndexOf(shift),
            [.. DutyRoster.ChainAt(duty, now).Select(p => p.Id)]);
    }

    /// <summary>The week of <paramref name="now"/> (China time, Monday first), sampled at each hour's start.</summary>
    private static IReadOnlyList<IReadOnlyList<string?>> WeekOf(RegistryDuty? duty, DateTimeOffset now)
    {
        var local = now.ToOffset(DutyRoster.ChinaOffset);
        var monday = new DateTimeOffset(local.Date, DutyRoster.ChinaOffset).AddDays(-(((int)local.DayOfWeek + 6) % 7));
        return [.. Enumerable.Range(0, 7).Select(day => (IReadOnlyList<string?>)[.. Enumerable.Range(0, 24).Select(hour =>
        {
            var at = monday.AddDays(day).AddHours(hour);
            return duty is not null && DutyRoster.ShiftAt(duty, at) is not null ? DutyRoster.ChainAt(duty, at).FirstOrDefault()?.Id : null;
        })])];
    }
}

public sealed record DutyParkView(string Id, string NameZh, string? NameEn);

public sealed record DutyPersonView(string Id, string Name, string? Phone, string? Email);

public sealed record DutyShiftView(IReadOnlyList<string> Days, string From, string Until, IReadOnlyList<string> People);

/// <summary>The moment the view was made, in China time: its day word and hour (the week's cell), the shift covering it (its index) and the chain in escalation order.</summary>
public sealed record DutyNowView(DateTimeOffset At, string Day, int Hour, int? Shift, IReadOnlyList<string> Chain);
