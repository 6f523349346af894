using System.Globalization;
using SmartPark.Contracts.Registry.Duty;

namespace SmartPark.Ingest.Notifications.Routing;

/// <summary>A daily window of China Standard Time, <c>HH:mm-HH:mm</c>; an end not after the start runs past midnight.</summary>
public readonly record struct HourWindow(TimeOnly From, TimeOnly Until, bool AllDay)
{
    public static readonly HourWindow Always = new(default, default, AllDay: true);

    /// <summary>Empty text is the whole day.</summary>
    public static bool TryParse(string? text, out HourWindow window)
    {
        window = Always;
        if (string.IsNullOrWhiteSpace(text))
            return true;
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        string[] formats = ["HH:mm", "H:mm"];
        if (parts.Length == 2
            && TimeOnly.TryParseExact(parts[0], formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            && TimeOnly.TryParseExact(parts[1], formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var until))
        {
            window = new HourWindow(from, until, AllDay: from == until);
            return true;
        }
        return false;
    }

    public bool Contains(DateTimeOffset at)
    {
        if (AllDay)
            return true;
        var time = TimeOnly.FromTimeSpan(at.ToOffset(DutyRoster.ChinaOffset).TimeOfDay);
        return From < Until ? time >= From && time < Until : time >= From || time < Until;
    }
}
