using System.Data;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using MiniExcelLibs.Csv;
using SmartPark.ParkData.Entities;

namespace SmartPark.ParkData.Sheets;

/// <summary>
/// A district's park list in the layout the import reads: Chinese headers, the clerks' words for
/// coded values, area in hectares. An exported sheet imports back unchanged (the round trip the
/// tests check), so a district can download, edit in Excel and upload. The XLSX holds a park sheet
/// (园区) and an enterprise sheet (企业); the CSV the parks only, UTF-8 with a BOM so Excel opens
/// the Chinese correctly.
/// </summary>
public static class DistrictSheetExport
{
    public const string ParkSheetName = "园区";
    public const string EnterpriseSheetName = "企业";

    public static async Task<List<Park>> LoadAsync(ParkDbContext db, string districtId, CancellationToken cancellationToken = default) =>
        await db.Parks.AsNoTracking().Include(p => p.Enterprises).Where(p => p.DistrictId == districtId).OrderBy(p => p.Id).ToListAsync(cancellationToken);

    public static byte[] Xlsx(IReadOnlyList<Park> parks, string districtName)
    {
        var sheets = new Dictionary<string, object>
        {
            [ParkSheetName] = Table(ParkColumns.Exported, parks.Select(p => ParkRow(p, districtName))),
            [EnterpriseSheetName] = Table(EnterpriseColumns.Exported, Enterprises(parks).Select(EnterpriseRow)),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    public static byte[] ParksCsv(IReadOnlyList<Park> parks, string districtName) =>
        Csv(Table(ParkColumns.Exported, parks.Select(p => ParkRow(p, districtName))));

    public static byte[] EnterprisesCsv(IReadOnlyList<Park> parks) =>
        Csv(Table(EnterpriseColumns.Exported, Enterprises(parks).Select(EnterpriseRow)));

    private static IEnumerable<Enterprise> Enterprises(IReadOnlyList<Park> parks) =>
        parks.SelectMany(p => p.Enterprises.OrderBy(e => e.Id, StringComparer.Ordinal));

    /// <summary>A table rather than a list of rows, so a district without parks still gets the headers (an importable template).</summary>
    private static DataTable Table(IReadOnlyList<SheetColumn> columns, IEnumerable<Dictionary<string, object?>> rows)
    {
        var table = new DataTable();
        foreach (var column in columns)
            table.Columns.Add(column.Zh, typeof(object));
        foreach (var row in rows)
            table.Rows.Add([.. columns.Select(c => row[c.Zh] ?? DBNull.Value)]);
        return table;
    }

    private static byte[] Csv(DataTable table)
    {
        using var stream = new MemoryStream();
        stream.Write(Encoding.UTF8.GetPreamble());
        stream.SaveAs(table, excelType: ExcelType.CSV, configuration: new CsvConfiguration { StreamWriterFunc = s => new StreamWriter(s, new UTF8Encoding(false), leaveOpen: true) });
        return stream.ToArray();
    }

    private static Dictionary<string, object?> ParkRow(Park p, string districtName) => new()
    {
        [ParkColumns.Id.Zh] = p.Id,
        [ParkColumns.NameZh.Zh] = p.NameZh,
        [ParkColumns.NameEn.Zh] = p.NameEn,
        [ParkColumns.District.Zh] = districtName,
        [ParkColumns.Township.Zh] = p.Township,
        [ParkColumns.VillageCollective.Zh] = p.VillageCollective,
        [ParkColumns.Address.Zh] = p.Address,
        [ParkColumns.Longitude.Zh] = p.Longitude,
        [ParkColumns.Latitude.Zh] = p.Latitude,
        [ParkColumns.AreaHectares.Zh] = p.LandAreaHectares,
        [ParkColumns.LandOwnership.Zh] = SheetVocabulary.LandOwnership.WordOf(p.LandOwnership),
        [ParkColumns.LandProcedures.Zh] = SheetVocabulary.Procedure.WordOf(p.LandProcedures),
        [ParkColumns.InSanjiuMap.Zh] = p.InSanjiuMap ? "是" : "否",
        [ParkColumns.IndustrialBlock.Zh] = p.IndustrialBlock,
        [ParkColumns.LeadingIndustry.Zh] = p.LeadingIndustry,
        [ParkColumns.Planning.Zh] = SheetVocabulary.Procedure.WordOf(p.PlanningStatus),
        [ParkColumns.Environmental.Zh] = SheetVocabulary.Procedure.WordOf(p.EnvironmentalAssessmentStatus),
        [ParkColumns.Category.Zh] = p.Category is { } c ? SheetVocabulary.Category.WordOf(c) : null,
        [ParkColumns.Batch.Zh] = p.Batch,
        [ParkColumns.DecisionDate.Zh] = Day(p.DecisionDate),
    };

    private static Dictionary<string, object?> EnterpriseRow(Enterprise e) => new()
    {
        [EnterpriseColumns.Park.Zh] = e.ParkId,
        [EnterpriseColumns.Id.Zh] = e.Id,
        [EnterpriseColumns.NameZh.Zh] = e.NameZh,
        [EnterpriseColumns.NameEn.Zh] = e.NameEn,
        [EnterpriseColumns.CreditCode.Zh] = e.CreditCode,
        [EnterpriseColumns.Industry.Zh] = e.Industry,
        [EnterpriseColumns.FloorArea.Zh] = e.FloorAreaM2,
        [EnterpriseColumns.LandArea.Zh] = e.LandAreaM2,
        [EnterpriseColumns.ContactName.Zh] = e.ContactName,
        [EnterpriseColumns.ContactPhone.Zh] = e.ContactPhone,
        [EnterpriseColumns.Status.Zh] = SheetVocabulary.EnterpriseStatus.WordOf(e.Status),
        [EnterpriseColumns.PermitNumber.Zh] = e.DischargePermitNumber,
        [EnterpriseColumns.PermitExpiry.Zh] = Day(e.DischargePermitExpiry),
    };

    /// <summary>Dates as ISO text: a date cell would come back as a time in some spreadsheet locales.</summary>
    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
