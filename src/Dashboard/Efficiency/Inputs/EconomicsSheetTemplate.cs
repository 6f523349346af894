using System.Text;
using MiniExcelLibs;
using MiniExcelLibs.Csv;

namespace SmartPark.Dashboard.Efficiency.Inputs;

/// <summary>
/// The import's template: the district's enterprises, one row each, under the Chinese headers the
/// import reads, with the figures stored for the year already filled in (empty where none), so a
/// clerk fills the gaps and uploads the same file. CSV with a byte-order mark, which Excel needs to
/// open UTF-8 Chinese text as such (the import reads it either way).
/// </summary>
public static class EconomicsSheetTemplate
{
    public static byte[] Xlsx(IEnumerable<EnterpriseEconomicsView> enterprises)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(Rows(enterprises), sheetName: "经济数据", excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    public static byte[] Csv(IEnumerable<EnterpriseEconomicsView> enterprises)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(Rows(enterprises), excelType: ExcelType.CSV,
            configuration: new CsvConfiguration { StreamWriterFunc = s => new StreamWriter(s, new UTF8Encoding(true), leaveOpen: true) });
        return stream.ToArray();
    }

    private static List<Dictionary<string, object?>> Rows(IEnumerable<EnterpriseEconomicsView> enterprises) =>
    [
        .. enterprises.Select(e => new Dictionary<string, object?>
        {
            [EconomicsSheetColumns.CreditCode.Zh] = e.CreditCode,
            [EconomicsSheetColumns.Park.Zh] = e.ParkId,
            [EconomicsSheetColumns.Enterprise.Zh] = e.EnterpriseId,
            [EconomicsSheetColumns.Name.Zh] = e.NameZh,
            [EconomicsSheetColumns.LandAreaMu.Zh] = e.LandAreaMu,
            [EconomicsSheetColumns.OutputValue.Zh] = e.OutputValue,
            [EconomicsSheetColumns.ValueAdded.Zh] = e.ValueAdded,
            [EconomicsSheetColumns.Revenue.Zh] = e.Revenue,
            [EconomicsSheetColumns.TaxPaid.Zh] = e.TaxPaid,
            [EconomicsSheetColumns.Employees.Zh] = e.Employees,
            [EconomicsSheetColumns.RdSpending.Zh] = e.RdSpending,
            [EconomicsSheetColumns.Standing.Zh] = e.Entered ? EconomicsSheetColumns.StandingWord(e.Standing) : null,
        }),
    ];
}
