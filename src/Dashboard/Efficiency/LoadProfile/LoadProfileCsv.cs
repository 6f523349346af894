using System.Data;
using System.Globalization;
using System.Text;
using MiniExcelLibs;
using MiniExcelLibs.Csv;
using SmartPark.Contracts.Consumption;

namespace SmartPark.Dashboard.Efficiency.LoadProfile;

/// <summary>
/// The load profile as CSV for electricity-market trading: one row per quarter hour, its start and
/// end in +08:00 ISO 8601, kWh, average kW, coverage and flags. UTF-8 with a BOM so Excel in a
/// Chinese locale opens it right; numbers written with the invariant culture (a decimal point,
/// whatever the server's locale). Headers in Chinese, English or both ("中文 English").
/// </summary>
public static class LoadProfileCsv
{
    private static readonly (string Zh, string En)[] Columns =
    [
        ("区间开始", "Interval start"),
        ("区间结束", "Interval end"),
        ("电量（kWh）", "Energy (kWh)"),
        ("平均功率（kW）", "Average power (kW)"),
        ("数据覆盖率", "Coverage"),
        ("标记", "Flags"),
    ];

    /// <summary><paramref name="lang"/>: <c>zh</c>, <c>en</c>, or anything else for both.</summary>
    public static byte[] Write(IReadOnlyList<LoadInterval> intervals, string? lang)
    {
        var table = new DataTable();
        foreach (var (zh, en) in Columns)
            table.Columns.Add(lang switch { "zh" => zh, "en" => en, _ => zh + " " + en }, typeof(string));
        foreach (var i in intervals)
            table.Rows.Add(Time(i.Start), Time(i.End), Number(i.Kwh), Number(i.AverageKw), Number(i.Coverage), string.Join(';', i.Flags));
        using var stream = new MemoryStream();
        stream.Write(Encoding.UTF8.GetPreamble());
        stream.SaveAs(table, excelType: ExcelType.CSV, configuration: new CsvConfiguration { StreamWriterFunc = s => new StreamWriter(s, new UTF8Encoding(false), leaveOpen: true) });
        return stream.ToArray();
    }

    private static string Time(DateTimeOffset at) =>
        at.ToOffset(ConsumptionSeries.CalendarOffset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>Four decimals: a watt-hour in kWh, and no binary noise (0.30000000000000004) in a trader's sheet.</summary>
    private static string Number(double? value) => value is { } v ? Math.Round(v, 4).ToString("0.####", CultureInfo.InvariantCulture) : "";
}
