using System.Globalization;
using System.Text;

namespace SmartPark.Dashboard.History;

/// <summary>A series as CSV (RFC 4180, UTF-8 with BOM so Excel in a Chinese locale opens it right).</summary>
public static class SeriesCsv
{
    public static byte[] Write(SeriesResponse series)
    {
        var text = new StringBuilder();
        text.Append("time,park,enterprise,device,sensor,quantity,unit,resolution,value,min,max\r\n");
        foreach (var p in series.Points)
        {
            text.Append(CultureInfo.InvariantCulture, $"{p.Ts.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ},{series.Park},{series.Enterprise},{series.Device},{Field(p.Sensor)},{series.Quantity},{Field(series.Unit)},{series.Resolution},");
            text.Append(p.Value.ToString("R", CultureInfo.InvariantCulture)).Append(',')
                .Append(p.Min?.ToString("R", CultureInfo.InvariantCulture)).Append(',')
                .Append(p.Max?.ToString("R", CultureInfo.InvariantCulture)).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Field(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
