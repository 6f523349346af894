using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace SmartPark.Contracts.Registry.Duty;

/// <summary>Reads a park's <c>duty:</c> mapping (<see cref="RegistryDuty"/>); every problem is recorded with its line.</summary>
public static class DutyReader
{
    private static readonly Dictionary<string, DayOfWeek[]> DayWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mon"] = [DayOfWeek.Monday],
        ["tue"] = [DayOfWeek.Tuesday],
        ["wed"] = [DayOfWeek.Wednesday],
        ["thu"] = [DayOfWeek.Thursday],
        ["fri"] = [DayOfWeek.Friday],
        ["sat"] = [DayOfWeek.Saturday],
        ["sun"] = [DayOfWeek.Sunday],
        ["weekdays"] = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        ["weekend"] = [DayOfWeek.Saturday, DayOfWeek.Sunday],
        ["all"] = Enum.GetValues<DayOfWeek>(),
    };

    /// <summary>The words a shift's <c>days</c> may use.</summary>
    public static IReadOnlyCollection<string> Days => DayWords.Keys;

    public static RegistryDuty? Read(YamlNode node, List<RegistryError> errors)
    {
        var f = YamlFields.Of(node, "duty", errors, "manager", "people", "shifts");
        if (f is null)
            return null;
        return new RegistryDuty
        {
            Line = f.Line,
            FieldLines = f.Lines,
            Manager = f.Has("manager") ? f.String("manager") : null,
            People = f.List("people").Select(n => ReadPerson(n, errors)).OfType<RegistryDutyPerson>().ToList(),
            Shifts = f.List("shifts").Select(n => ReadShift(n, errors)).OfType<RegistryDutyShift>().ToList(),
        };
    }

    private static RegistryDutyPerson? ReadPerson(YamlNode node, List<RegistryError> errors)
    {
        var f = YamlFields.Of(node, "duty person", errors, "id", "name", "phone", "email");
        if (f is null)
            return null;
        return new RegistryDutyPerson
        {
            Line = f.Line,
            FieldLines = f.Lines,
            Id = f.String("id"),
            Name = f.String("name"),
            Phone = f.Has("phone") ? DutyContacts.NormalisePhone(f.String("phone")) : null,
            Email = f.Has("email") ? f.String("email").Trim() : null,
        };
    }

    private static RegistryDutyShift? ReadShift(YamlNode node, List<RegistryError> errors)
    {
        var f = YamlFields.Of(node, "duty shift", errors, "days", "from", "until", "people");
        if (f is null)
            return null;
        return new RegistryDutyShift
        {
            Line = f.Line,
            FieldLines = f.Lines,
            Days = ReadDays(f.Node("days"), f.Line, errors),
            From = ReadTime(f, "from", errors),
            Until = ReadTime(f, "until", errors),
            People = f.List("people", required: true).Select(n => (n as YamlScalarNode)?.Value ?? "").ToList(),
        };
    }

    /// <summary><c>days: all</c>, <c>days: weekdays</c> or a list of <c>mon</c>…<c>sun</c>, <c>weekdays</c>, <c>weekend</c>.</summary>
    private static IReadOnlyList<DayOfWeek> ReadDays(YamlNode? node, int line, List<RegistryError> errors)
    {
        IEnumerable<YamlNode> words = node switch
        {
            null => [],
            YamlScalarNode scalar => [scalar],
            YamlSequenceNode list => list.Children,
            _ => [],
        };
        var days = new SortedSet<DayOfWeek>();
        foreach (var word in words)
        {
            if (word is YamlScalarNode { Value: { } text } && DayWords.TryGetValue(text.Trim(), out var some))
                days.UnionWith(some);
            else
                errors.Add(new(YamlFields.LineOf(word), $"duty shift: days must be {string.Join(", ", DayWords.Keys)}, not '{(word as YamlScalarNode)?.Value}'"));
        }
        if (node is null || days.Count == 0)
            errors.Add(new(node is null ? line : YamlFields.LineOf(node), "duty shift: 'days' names no day (e.g. days: all, or days: [mon, tue])"));
        return [.. days];
    }

    private static TimeOnly ReadTime(YamlFields f, string key, List<RegistryError> errors)
    {
        var text = f.String(key);
        if (text.Length == 0)
            return default;
        if (TimeOnly.TryParseExact(text.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            return time;
        errors.Add(new(f.Lines.GetValueOrDefault(key, f.Line), $"duty shift: '{key}' must be a time of day HH:mm (China Standard Time), not '{text}'"));
        return default;
    }
}
