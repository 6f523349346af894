using System.Globalization;
using SmartPark.Contracts.Quantities;
using SmartPark.Contracts.Telemetry;
using SmartPark.EdgeAgent.Drivers.Modbus;

namespace SmartPark.EdgeAgent.Drivers.ModbusMap;

/// <summary>
/// Reads a sensor's <c>Map</c> (a list of entries of text keys, as the agent's JSON gives them)
/// into a <see cref="RegisterMap"/>, and lists every problem at once, each starting with
/// <c>Map:INDEX:KEY</c> so <c>check-config</c> can point at its line. An entry with
/// <c>quantity</c> is a value; an entry with <c>status</c> is a status register.
/// </summary>
public static class RegisterMapReader
{
    public static IReadOnlyList<string> ValueKeys { get; } = ["quantity", "register", "function", "type", "wordOrder", "byteOrder", "scale", "offset"];

    public static IReadOnlyList<string> StatusKeys { get; } = ["status", "register", "function", "type", "wordOrder", "byteOrder", "codes", "bits", "quantities"];

    public static IReadOnlyList<string> Functions { get; } = ["holding", "input"];

    public static IReadOnlyList<string> WordOrders { get; } = ["big", "little"];

    public static IReadOnlyList<string> ByteOrders { get; } = ["big", "swapped"];

    /// <summary>The map, or every problem with it (then the map is null).</summary>
    public static (RegisterMap? Map, IReadOnlyList<string> Problems) Read(IReadOnlyList<IReadOnlyDictionary<string, string>> entries)
    {
        var problems = new List<string>();
        var values = new List<MapValue>();
        var statuses = new List<(int Index, MapStatus Status)>();
        var firstOf = new Dictionary<string, int>(StringComparer.Ordinal);
        if (entries.Count == 0)
            problems.Add("Map is missing: list the device's registers, one entry per quantity ({ \"quantity\": \"nox\", \"register\": \"0x0000\", \"type\": \"float32\" })");
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = new Entry(i, entries[i], problems);
            if (entry.Has("quantity") && entry.Has("status"))
            {
                problems.Add($"Map:{i} has both quantity (a value) and status (a status register); split it in two");
                continue;
            }
            if (entry.Has("status"))
            {
                if (ReadStatus(entry) is { } status)
                    statuses.Add((i, status));
                continue;
            }
            if (!entry.Has("quantity"))
            {
                problems.Add($"Map:{i} names no quantity (a value) and no status (a status register)");
                continue;
            }
            var named = entry.Text("quantity")!;
            if (firstOf.TryGetValue(named, out var first))
                problems.Add($"Map:{i}:quantity '{named}' is already read by Map:{first}: a quantity comes from one register");
            else
                firstOf[named] = i;
            if (ReadValue(entry) is { } value)
                values.Add(value);
        }
        var readable = firstOf.Keys.Where(q => Measurable(q) is null).ToList();
        foreach (var (index, status) in statuses)
        {
            foreach (var quantity in status.Quantities ?? [])
            {
                if (!readable.Contains(quantity, StringComparer.Ordinal))
                    problems.Add($"Map:{index}:quantities names '{quantity}', which the map does not read ({string.Join(", ", readable)})");
            }
        }
        return problems.Count > 0 ? (null, problems) : (new RegisterMap(values, [.. statuses.Select(s => s.Status)]), problems);
    }

    /// <summary>The map's quantities that could be read, in its order, without judging the rest (what a sensor yields before it opens).</summary>
    public static IReadOnlyList<string> QuantitiesIn(IReadOnlyList<IReadOnlyDictionary<string, string>> entries) =>
        [.. entries
            .Select(e => e.FirstOrDefault(kv => kv.Key.Equals("quantity", StringComparison.OrdinalIgnoreCase)).Value?.Trim())
            .Where(q => q is not null && Measurable(q) is null)
            .Select(q => q!)
            .Distinct(StringComparer.Ordinal)];

    /// <summary>Why a device may not report <paramref name="name"/>, or null when it may.</summary>
    public static string? Measurable(string name)
    {
        if (!QuantityCatalogue.TryGet(name, out var quantity))
            return "is not a quantity of the catalogue";
        if (quantity.IsDerived)
            return $"is derived from {quantity.DerivedFrom} by Ingest ({quantity.Derivation}), never read from a device: map {quantity.DerivedFrom} and the quantities it is converted with";
        return null;
    }

    private static MapValue? ReadValue(Entry entry)
    {
        entry.RefuseUnknown(ValueKeys, "a value");
        var quantity = entry.Text("quantity");
        if (quantity is not null && Measurable(quantity) is { } why)
        {
            entry.Problem("quantity", quantity, why);
            quantity = null;
        }
        var register = entry.Register(MapValueType.Float32);
        var scale = entry.Number("scale", 1);
        if (scale == 0)
            entry.Problem("scale", "0", "must not be 0");
        var offset = entry.Number("offset", 0);
        return quantity is null || register is null || scale is null || offset is null || scale == 0 || entry.Failed
            ? null
            : new MapValue(quantity, register, scale.Value, offset.Value);
    }

    private static MapStatus? ReadStatus(Entry entry)
    {
        entry.RefuseUnknown(StatusKeys, "a status register");
        var name = entry.Text("status")!;
        var register = entry.Register(MapValueType.UInt16);
        if (register is not null && !register.Type.IsInteger())
        {
            entry.Problem("type", register.Type.Name(), "is not a whole number: a status register is uint16, int16, uint32 or int32");
            register = null;
        }
        var width = register?.Width ?? 2;
        var codes = entry.Pairs<long>("codes", text => TryWhole(text, out var v) ? v : null, "a whole value, decimal or 0x hex");
        var bits = entry.Pairs<int>("bits", text => TryWhole(text, out var v) && v >= 0 && v < 16 * width ? (int)v : (int?)null, $"a bit number 0..{(16 * width) - 1}");
        if (!entry.Has("codes") && !entry.Has("bits"))
            entry.Problem("codes", "", "is missing: give codes (\"1=C, 2=M, 3=D\") or bits (\"0=C, 1=M, 2=D\")");
        var quantities = entry.Text("quantities") is { } listed
            ? listed.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : null;
        return register is null || entry.Failed ? null : new MapStatus(name, register, codes, bits, quantities);
    }

    /// <summary>A whole number, decimal (may be negative) or 0x hex, up to 32 bits.</summary>
    private static bool TryWhole(string text, out long value)
    {
        text = text.Trim();
        var parsed = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value)
            : long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
        return parsed && value is >= int.MinValue and <= uint.MaxValue;
    }

    /// <summary>One entry's keys (case-insensitive, as the binder may give them in any case), collecting its problems.</summary>
    private sealed class Entry(int index, IReadOnlyDictionary<string, string> keys, List<string> problems)
    {
        private readonly Dictionary<string, (string Key, string Text)> _keys = keys
            .Where(kv => !string.IsNullOrWhiteSpace(kv.Value))
            .ToDictionary(kv => kv.Key, kv => (kv.Key, kv.Value.Trim()), StringComparer.OrdinalIgnoreCase);

        public bool Failed { get; private set; }

        public bool Has(string key) => _keys.ContainsKey(key);

        public string? Text(string key) => _keys.TryGetValue(key, out var v) ? v.Text : null;

        public void Problem(string key, string text, string what)
        {
            Failed = true;
            var shown = _keys.TryGetValue(key, out var v) ? v.Key : key;
            problems.Add(text.Length == 0 ? $"Map:{index}:{shown} {what}" : $"Map:{index}:{shown} '{text}' {what}");
        }

        public void RefuseUnknown(IReadOnlyList<string> known, string what)
        {
            foreach (var (key, _) in _keys.Values.Where(k => !known.Contains(k.Key, StringComparer.OrdinalIgnoreCase)))
            {
                Failed = true;
                problems.Add($"Map:{index}:{key} is not a key of {what} (it reads {string.Join(", ", known)})");
            }
        }

        public double? Number(string key, double fallback)
        {
            if (Text(key) is not { } text)
                return fallback;
            if (Configuration.SettingText.TryNumber(text, out var value))
                return value;
            Problem(key, text, "is not a number");
            return null;
        }

        /// <summary>register, function, type, wordOrder, byteOrder.</summary>
        public MapRegister? Register(MapValueType defaultType)
        {
            var ok = true;
            var address = -1;
            var registerText = Text("register");
            if (registerText is null)
            {
                Problem("register", "", "is missing (the first register, decimal or 0x hex, as the manual numbers it from 0)");
                ok = false;
            }
            else if (!Configuration.SettingText.TryInteger(registerText, out address) || address is < 0 or > 0xFFFF)
            {
                Problem("register", registerText, "must be a register 0..65535 (0x0000..0xFFFF)");
                ok = false;
            }
            var function = Choice("function", Functions, "holding") == "input" ? ModbusFunction.ReadInputRegisters : ModbusFunction.ReadHoldingRegisters;
            var type = defaultType;
            if (Text("type") is { } typeText && !MapValueTypes.TryParse(typeText, out type))
            {
                Problem("type", typeText, $"is not one of {string.Join(", ", MapValueTypes.Names)}");
                ok = false;
            }
            var lowWordFirst = Choice("wordOrder", WordOrders, "big") == "little";
            if (Has("wordOrder") && type.Width() == 1)
            {
                Problem("wordOrder", Text("wordOrder")!, $"has no meaning for a {type.Name()} (one register); remove it");
                ok = false;
            }
            var swapped = Choice("byteOrder", ByteOrders, "big") == "swapped";
            if (ok && address + type.Width() > 0x10000)
            {
                Problem("register", registerText ?? "", $"is too near the end: a {type.Name()} takes {type.Width()} registers and the last is 0xFFFF");
                ok = false;
            }
            return ok && !Failed ? new MapRegister(function, (ushort)address, type, lowWordFirst, swapped) : null;
        }

        /// <summary>"KEY=FLAG, KEY=FLAG" with each flag one of HJ 212's (Table 8).</summary>
        public Dictionary<TKey, string> Pairs<TKey>(string key, Func<string, TKey?> parse, string keyIs)
            where TKey : struct
        {
            var pairs = new Dictionary<TKey, string>();
            if (Text(key) is not { } text)
                return pairs;
            foreach (var item in text.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var parts = item.Split('=', 2, StringSplitOptions.TrimEntries);
                if (parts.Length != 2 || parse(parts[0]) is not { } k)
                {
                    Problem(key, item, $"is not KEY=FLAG with KEY {keyIs}");
                    continue;
                }
                var flag = parts[1].ToUpperInvariant();
                if (!DataFlag.IsValid(flag))
                    Problem(key, item, $"gives '{parts[1]}', not an HJ 212 data flag ({string.Join(", ", DataFlag.All)})");
                else if (!pairs.TryAdd(k, flag))
                    Problem(key, item, "repeats a key");
            }
            return pairs;
        }

        private string Choice(string key, IReadOnlyList<string> choices, string fallback)
        {
            if (Text(key) is not { } text)
                return fallback;
            var lower = text.ToLowerInvariant();
            if (choices.Contains(lower))
                return lower;
            Problem(key, text, $"is not one of {string.Join(", ", choices)}");
            return fallback;
        }
    }
}
