using System.Buffers;
using System.Globalization;
using System.Text;
using SmartPark.Contracts.Telemetry;
using SmartPark.Contracts.Topics;

namespace SmartPark.Ingest.Storage;

/// <summary>
/// Turns an accepted batch into line protocol as docs/architecture.md "Storage" fixes it:
/// measurement = quantity; tags park, enterprise, device, sensor; fields value and flag;
/// millisecond timestamp = the reading's ts. Nothing unbounded (seq, free text) becomes a tag.
/// Written by hand rather than with InfluxDB.Client's <c>PointData</c>: that builds immutable
/// sorted dictionaries for every tag of every point and was the largest cost of a message in
/// <c>./smartpark bench ingest</c>. The output is byte for byte what <c>PointData</c> writes
/// (tags in key order, the same escaping, shortest round-trip doubles); a unit test holds it to that.
/// </summary>
public static class PointMapper
{
    private static readonly SearchValues<char> KeySpecials = SearchValues.Create(" ,=\n\r\t");
    private static readonly SearchValues<char> StringSpecials = SearchValues.Create("\"\\");

    [ThreadStatic]
    private static StringBuilder? _line;

    public static IReadOnlyList<string> ToLineProtocol(DeviceAddress device, TelemetryBatch batch)
    {
        var readings = batch.Readings!;
        var lines = new List<string>(readings.Count);
        var sb = _line ??= new StringBuilder(160);
        foreach (var r in readings)
        {
            sb.Clear();
            AppendKey(sb, r.Quantity!, escapeEquals: false);
            // Tags sorted by key, as InfluxDB prefers them; empty values are left out, as PointData does.
            AppendTag(sb, "device", device.Device);
            AppendTag(sb, "enterprise", device.Enterprise);
            AppendTag(sb, "park", device.Park);
            AppendTag(sb, "sensor", r.Sensor!);
            sb.Append(" flag=\"");
            AppendStringField(sb, r.Flag!);
            sb.Append("\",value=");
            AppendDouble(sb, r.Value!.Value);
            sb.Append(' ');
            sb.Append(r.Ts!.Value.ToUnixTimeMilliseconds());
            lines.Add(sb.ToString());
        }
        return lines;
    }

    private static void AppendTag(StringBuilder sb, string key, string value)
    {
        if (value.Length == 0)
            return;
        sb.Append(',');
        AppendKey(sb, key, escapeEquals: true);
        sb.Append('=');
        AppendKey(sb, value, escapeEquals: true);
    }

    /// <summary>Measurements, tag keys and tag values: spaces and commas (and '=' outside the
    /// measurement) get a backslash; newline, CR and tab become \n, \r, \t.</summary>
    private static void AppendKey(StringBuilder sb, string value, bool escapeEquals)
    {
        if (value.AsSpan().IndexOfAny(KeySpecials) < 0)
        {
            sb.Append(value);
            return;
        }
        foreach (var c in value)
        {
            switch (c)
            {
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case ' ' or ',': sb.Append('\\').Append(c); break;
                case '=' when escapeEquals: sb.Append("\\="); break;
                default: sb.Append(c); break;
            }
        }
    }

    private static void AppendStringField(StringBuilder sb, string value)
    {
        if (value.AsSpan().IndexOfAny(StringSpecials) < 0)
        {
            sb.Append(value);
            return;
        }
        foreach (var c in value)
        {
            if (c is '"' or '\\')
                sb.Append('\\');
            sb.Append(c);
        }
    }

    private static void AppendDouble(StringBuilder sb, double value)
    {
        Span<char> buffer = stackalloc char[32];
        // Shortest round-trip form, invariant culture: what PointData writes.
        if (value.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture))
            sb.Append(buffer[..written]);
        else
            sb.Append(value.ToString(CultureInfo.InvariantCulture));
    }
}
