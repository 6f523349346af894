using System.Text;
using MiniExcelLibs;
using SmartPark.ParkData.Sheets;

namespace SmartPark.UnitTests.ParkData.Sheets;

/// <summary>The committed sample sheets (docs/samples/district-sheets) and sheets made on the spot, as CSV text or as XLSX written by MiniExcel.</summary>
internal static class SheetSamples
{
    public static string Folder { get; } = Path.Combine(RepositoryPaths.Root, "docs", "samples", "district-sheets");

    public static SheetFile BaiyunParks() => FromFile("baiyun-parks.csv");

    public static SheetFile BaiyunEnterprises() => FromFile("baiyun-enterprises.csv");

    private static SheetFile FromFile(string name) => new(name, File.ReadAllBytes(Path.Combine(Folder, name)));

    public static SheetFile Csv(string name, string text) => new(name, Encoding.UTF8.GetBytes(text));

    /// <summary>A workbook with these sheets, each a header row and data rows of typed cells (numbers, dates, text).</summary>
    public static SheetFile Xlsx(string name, params (string Sheet, string[] Headers, object?[][] Rows)[] sheets)
    {
        var workbook = new Dictionary<string, object>();
        foreach (var (sheet, headers, rows) in sheets)
        {
            var table = new System.Data.DataTable();
            foreach (var header in headers)
                table.Columns.Add(header, typeof(object));
            foreach (var row in rows)
                table.Rows.Add([.. row.Select(c => c ?? DBNull.Value)]);
            workbook[sheet] = table;
        }
        using var stream = new MemoryStream();
        stream.SaveAs(workbook, excelType: ExcelType.XLSX);
        return new SheetFile(name, stream.ToArray());
    }

    public const string EnglishParkHeader = "id,nameZh,nameEn,district,township,longitude,latitude,landAreaHectares,landOwnership,landProcedures,inSanjiuMap,leadingIndustry,planningStatus,environmentalAssessmentStatus,category,batch,decisionDate";
}
