using System.Text;
using MiniExcelLibs;
using SmartPark.Dashboard.Efficiency.Inputs;
using SmartPark.ParkData.Sheets;

namespace SmartPark.UnitTests.Efficiency;

/// <summary>
/// Reading the economic figures sheet: the header found under a title row, Chinese, English and
/// alias headers, numbers as clerks write them, the standing's words, and every bad cell reported
/// with its row and column rather than the first one only.
/// </summary>
public sealed class EconomicsSheetParserTests
{
    static EconomicsSheetParserTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static SheetFile Csv(string text, Encoding? encoding = null) => new("figures.csv", (encoding ?? Encoding.UTF8).GetBytes(text));

    [Fact]
    public void A_title_row_is_skipped_and_headers_are_read_in_chinese_english_or_an_alias()
    {
        var parsed = EconomicsSheetParser.Parse(Csv(string.Join("\n",
            "白云区2025年亩均效益评价数据,,,,",
            "信用代码,park,enterprise,税收(万元),从业人员,评价类别,备注",
            "91440111MA5CUQ2X1X,,,\"1,234.5\",１２,豁免,x",
            ",p-a,e2,0,0,new,")));
        Assert.Empty(parsed.Problems);
        Assert.Equal(["备注"], parsed.IgnoredColumns);
        Assert.Equal(2, parsed.Rows.Count);
        var first = parsed.Rows[0];
        Assert.Equal((3, "91440111MA5CUQ2X1X", 1234.5, 12, "exempt"), (first.Row, first.CreditCode, first.TaxPaid!.Value, first.Employees!.Value, first.Standing));
        Assert.Null(first.OutputValue);
        Assert.Equal(("p-a", "e2", "new"), (parsed.Rows[1].Park, parsed.Rows[1].Enterprise, parsed.Rows[1].Standing));
    }

    [Fact]
    public void Every_bad_cell_is_reported_with_its_row_and_column_as_headed_in_the_sheet()
    {
        var parsed = EconomicsSheetParser.Parse(Csv(string.Join("\n",
            "统一社会信用代码,工业总产值(万元),年平均职工人数,评价类别",
            "A,-1,2.5,上市",
            "B,很多,3,参评",
            ",1,1,")));
        Assert.Equal(
        [
            (2, "工业总产值(万元)", "negative"),
            (2, "年平均职工人数", "not_an_integer"),
            (2, "评价类别", "unknown_standing"),
            (3, "工业总产值(万元)", "not_a_number"),
            (4, null, "missing_identity"),
        ], parsed.Problems.Select(p => (p.Row, p.Column, p.Code)));
        // Each problem says what is wrong in words, not only its code ("-1 is negative", not "negative").
        Assert.All(parsed.Problems, p => Assert.True(p.Message.Length > p.Code.Length && p.Message != p.Code, p.Message));
        Assert.Empty(parsed.Rows);
    }

    [Fact]
    public void A_sheet_without_an_enterprise_column_or_that_is_no_sheet_is_refused_whole()
    {
        Assert.Equal("no_identity", Assert.Single(EconomicsSheetParser.Parse(Csv("企业名称,工业总产值(万元)\n某公司,1")).Problems).Code);
        Assert.Equal("no_header", Assert.Single(EconomicsSheetParser.Parse(Csv("a,b\n1,2")).Problems).Code);
        Assert.Equal("unreadable", Assert.Single(EconomicsSheetParser.Parse(new SheetFile("x.xls", [0xD0, 0xCF, 0x11, 0xE0, 0, 0, 0, 0])).Problems).Code);
        Assert.Equal("no_rows", Assert.Single(EconomicsSheetParser.Parse(Csv("统一社会信用代码,工业总产值(万元)\n")).Problems).Code);
    }

    [Fact]
    public void A_gb18030_csv_from_a_chinese_excel_and_an_xlsx_with_number_cells_read_the_same()
    {
        var gb = EconomicsSheetParser.Parse(Csv("统一社会信用代码,实缴税金(万元)\nCODE1,12.5", Encoding.GetEncoding("GB18030")));
        Assert.Empty(gb.Problems);
        Assert.Equal(12.5, Assert.Single(gb.Rows).TaxPaid);

        using var stream = new MemoryStream();
        stream.SaveAs(new[] { new Dictionary<string, object?> { ["统一社会信用代码"] = "CODE1", ["实缴税金(万元)"] = 12.5, ["年平均职工人数"] = 7 } }, excelType: ExcelType.XLSX);
        var xlsx = EconomicsSheetParser.Parse(new SheetFile("figures.xlsx", stream.ToArray()));
        Assert.Empty(xlsx.Problems);
        Assert.Equal((12.5, 7), (xlsx.Rows.Single().TaxPaid!.Value, xlsx.Rows.Single().Employees!.Value));
    }
}
