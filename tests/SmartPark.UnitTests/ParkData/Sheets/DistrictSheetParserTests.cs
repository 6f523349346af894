using System.Text;
using SmartPark.Contracts.Registry;
using SmartPark.ParkData.Sheets;
using SmartPark.ParkData.Vocabulary;

namespace SmartPark.UnitTests.ParkData.Sheets;

/// <summary>Reading district sheets: headers in either language, units, the clerks' words, and every bad cell reported where the clerk sees it.</summary>
public sealed class DistrictSheetParserTests
{
    /// <summary>The same problems, in any order (sorted alike on both sides).</summary>
    private static void AssertProblems(IEnumerable<(int Row, string? Column, string Code)> expected, ParsedSheets parsed) =>
        Assert.Equal(expected.Order().ToList(), parsed.Problems.Select(p => (p.Row, p.Column, p.Code)).Order().ToList());

    [Fact]
    public void The_sample_sheets_read_with_chinese_headers_a_title_row_and_area_in_mu()
    {
        var parsed = DistrictSheetParser.Parse([SheetSamples.BaiyunParks(), SheetSamples.BaiyunEnterprises()]);

        Assert.Empty(parsed.Problems);
        Assert.Equal(8, parsed.Parks.Count);
        Assert.Equal(12, parsed.Enterprises.Count);
        var shimen = parsed.Parks[0];
        // Row 3: the title is row 1, the headers row 2.
        Assert.Equal(3, shimen.Row);
        Assert.Equal(("baiyun-shimen", "石门工业园", "Shimen Industrial Park", "白云区"), (shimen.Id, shimen.NameZh, shimen.NameEn, shimen.District));
        Assert.Equal(186 / 15.0, shimen.LandAreaHectares!.Value, 4);
        Assert.Equal((LandOwnership.Collective, ProcedureStatus.Partial, true), (shimen.LandOwnership, shimen.LandProcedures, shimen.InSanjiuMap));
        Assert.Equal((ProcedureStatus.Complete, ProcedureStatus.InProgress), (shimen.PlanningStatus, shimen.EnvironmentalAssessmentStatus));
        Assert.Equal((ParkCategory.Upgrade, 1, new DateOnly(2020, 5, 18)), (shimen.Category, shimen.Batch, shimen.DecisionDate));
        Assert.Equal((113.2436, 23.2981), (shimen.Longitude!.Value, shimen.Latitude!.Value));
        Assert.Equal(
            [ParkCategory.Upgrade, ParkCategory.Eliminate, ParkCategory.Upgrade, ParkCategory.Convert, ParkCategory.Relocate, ParkCategory.Upgrade, ParkCategory.Eliminate, null],
            parsed.Parks.Select(p => p.Category));
        Assert.Equal(LandOwnership.StateUsedByCollective, parsed.Parks[2].LandOwnership);

        var printing = parsed.Enterprises[0];
        Assert.Equal(("baiyun-shimen", "shimen-printing", "91440111BFF9D7E06B", 2), (printing.ParkId, printing.Id, printing.CreditCode, printing.Row));
        Assert.Equal((12800.0, 9600.0, "020-86001234"), (printing.FloorAreaM2!.Value, printing.LandAreaM2!.Value, printing.ContactPhone));
        Assert.Equal((RenovationStatus.Operating, new DateOnly(2027, 3, 31)), (printing.Status, printing.DischargePermitExpiry));
        Assert.Equal(RenovationStatus.ShutDown, parsed.Enterprises[3].Status);
    }

    [Fact]
    public void English_headers_and_stored_codes_read_the_same()
    {
        var parsed = DistrictSheetParser.Parse([SheetSamples.Csv("parks.csv",
            SheetSamples.EnglishParkHeader + "\n" +
            "p-one,一号园,Park One,baiyun,Shimen,113.25,23.3,12.5,state_used_by_collective,in_progress,no,printing,complete,missing,relocate,2,2021/3/26\n")]);

        Assert.Empty(parsed.Problems);
        var park = Assert.Single(parsed.Parks);
        Assert.Equal((12.5, LandOwnership.StateUsedByCollective, ProcedureStatus.InProgress, false), (park.LandAreaHectares!.Value, park.LandOwnership, park.LandProcedures, park.InSanjiuMap));
        Assert.Equal((ParkCategory.Relocate, 2, new DateOnly(2021, 3, 26)), (park.Category, park.Batch, park.DecisionDate));
    }

    [Fact]
    public void An_xlsx_workbook_holds_both_sheets_under_any_names_with_typed_cells()
    {
        var file = SheetSamples.Xlsx("台账.xlsx",
            ("Sheet1", ["园区编号", "园区名称", "占地面积（亩）", "主导产业", "分类", "批次", "决定日期", "是否纳入三旧"],
                [["p-one", "一号园", 45.0, "五金", "合并搬迁", "第十二批", new DateTime(2022, 6, 30), "否"], ["p-two", "二号园", 30, "印刷", "功能转换", 3.0, 44742.0, "是"]]),
            ("企业名录", ["园区编号", "企业编号", "企业名称", "统一社会信用代码", "行业", "用地面积(亩)", "电话", "有效期至"],
                [["p-one", "e-one", "一号厂", "91440111BFF9D7E06B", "五金", 3.0, 13802223456.0, new DateTime(2027, 3, 31)]]));

        var parsed = DistrictSheetParser.Parse([file]);

        Assert.Empty(parsed.Problems);
        Assert.Equal([3.0, 2.0], parsed.Parks.Select(p => p.LandAreaHectares!.Value));
        Assert.Equal([12, 3], parsed.Parks.Select(p => p.Batch!.Value));
        // A date cell, and Excel's serial day number 44742 (the same day) in a cell without a date format.
        Assert.Equal([new DateOnly(2022, 6, 30), new DateOnly(2022, 6, 30)], parsed.Parks.Select(p => p.DecisionDate!.Value));
        var enterprise = Assert.Single(parsed.Enterprises);
        Assert.Equal((2000.0, "13802223456", new DateOnly(2027, 3, 31)), (enterprise.LandAreaM2!.Value, enterprise.ContactPhone, enterprise.DischargePermitExpiry));
        Assert.Equal(2, enterprise.Row);
    }

    [Fact]
    public void A_csv_saved_by_a_chinese_excel_in_gb18030_reads()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = "园区编号,园区名称,占地面积(公顷),主导产业\r\np-one,石门工业园,3,印刷包装\r\n";
        var parsed = DistrictSheetParser.Parse([new SheetFile("ansi.csv", Encoding.GetEncoding("GB18030").GetBytes(text))]);

        Assert.Empty(parsed.Problems);
        Assert.Equal(("石门工业园", "印刷包装"), (parsed.Parks[0].NameZh, parsed.Parks[0].LeadingIndustry));
    }

    [Fact]
    public void Every_bad_cell_is_reported_with_the_spreadsheets_row_number_and_its_column()
    {
        var parsed = DistrictSheetParser.Parse([SheetSamples.Csv("bad.csv",
            "园区编号,园区名称,占地面积(亩),占地面积(公顷),主导产业,经度,纬度,分类,用地手续,是否纳入三旧,批次,决定日期\n" +
            "p-good,好园,30,2,印刷,113.2,23.3,改造提升,完备,是,第一批,2020-05-18\n" + // row 2
            "P_Bad,坏编号,30,,印刷,,,,,,,\n" + // row 3
            "p-3,,30,,印刷,,,,,,,\n" + // row 4
            "p-4,四号园,三十,,印刷,,,,,,,\n" + // row 5
            "p-5,五号园,30,,印刷,23.3,113.2,,,,,\n" + // row 6: longitude and latitude swapped
            "p-6,六号园,30,,印刷,,,拆除,没批,也许,第X批,下个月\n" + // row 7
            "p-7,七号园,30,5,印刷,,,,,,,\n" + // row 8: 30 亩 is 2 ha, not 5
            "p-8,八号园,,,,,,,,,,\n" + // row 9
            ",,,,,,,,,,,\n" + // row 10: empty, skipped
            "p-11,十一号园,-3,,印刷,,,,,,,\n")]); // row 11

        Assert.Equal(["p-good"], parsed.Parks.Select(p => p.Id));
        AssertProblems(
        [
            (3, "园区编号", SheetProblemCode.InvalidId),
            (4, "园区名称", SheetProblemCode.Required),
            (5, "占地面积(亩)", SheetProblemCode.NotANumber),
            (5, "占地面积(公顷)", SheetProblemCode.Required),
            (6, "经度", SheetProblemCode.OutOfRange),
            (6, "纬度", SheetProblemCode.OutOfRange),
            (7, "用地手续", SheetProblemCode.UnknownValue),
            (7, "是否纳入三旧", SheetProblemCode.NotYesNo),
            (7, "分类", SheetProblemCode.UnknownValue),
            (7, "批次", SheetProblemCode.NotANumber),
            (7, "决定日期", SheetProblemCode.NotADate),
            (8, "占地面积(亩)", SheetProblemCode.AreaMismatch),
            (9, "主导产业", SheetProblemCode.Required),
            (9, "占地面积(公顷)", SheetProblemCode.Required),
            (11, "占地面积(亩)", SheetProblemCode.OutOfRange),
            (11, "占地面积(公顷)", SheetProblemCode.Required),
        ], parsed);
        var unknown = parsed.Problems.First(p => p.Column == "分类");
        Assert.Equal(("拆除", "淘汰关停、合并搬迁、功能转换、改造提升"), (unknown.Value, unknown.Detail));
        Assert.All(parsed.Problems, p => Assert.Equal("bad.csv", p.Sheet));
    }

    [Fact]
    public void Enterprise_rows_check_the_credit_code_the_status_and_the_required_cells()
    {
        var parsed = DistrictSheetParser.Parse([SheetSamples.Csv("企业.csv",
            "园区编号,企业编号,企业名称,统一社会信用代码,行业,改造状态,建筑面积\n" +
            "p-one,e-ok,好厂,91440111BFF9D7E06B,印刷,正常生产,1200\n" + // row 2
            "p-one,e-len,短码厂,9144011112345,印刷,,\n" + // row 3
            "p-one,e-char,错字厂,91440111BFF9D7EO6B,印刷,,\n" + // row 4: letter O
            "p-one,e-check,校验厂,91440111BFF9D7E06C,印刷,,\n" + // row 5
            "p-one,e-status,状态厂,,印刷,倒闭了,\n" + // row 6
            ",e-nopark,无园厂,,,,-5\n")]); // row 7

        Assert.Equal(["e-ok"], parsed.Enterprises.Select(e => e.Id));
        AssertProblems(
        [
            (3, "统一社会信用代码", SheetProblemCode.CreditCodeLength),
            (4, "统一社会信用代码", SheetProblemCode.CreditCodeCharacter),
            (5, "统一社会信用代码", SheetProblemCode.CreditCodeCheckDigit),
            (6, "改造状态", SheetProblemCode.UnknownValue),
            (7, "园区编号", SheetProblemCode.Required),
            (7, "行业", SheetProblemCode.Required),
            (7, "建筑面积", SheetProblemCode.OutOfRange),
        ], parsed);
    }

    [Fact]
    public void Missing_and_repeated_columns_are_reported_on_the_header_row()
    {
        var parsed = DistrictSheetParser.Parse([SheetSamples.Csv("cols.csv",
            "白云区园区,,\n园区编号,园区名称,名称,备注\np-one,一号园,一号园,旧厂\n")]);

        Assert.Empty(parsed.Parks);
        AssertProblems(
        [
            (2, "主导产业", SheetProblemCode.MissingColumn),
            (2, "名称", SheetProblemCode.DuplicateColumn),
            (2, "占地面积(公顷) / 占地面积(亩)", SheetProblemCode.MissingColumn),
        ], parsed);
        Assert.Equal(["备注"], parsed.IgnoredColumns);
    }

    [Fact]
    public void A_file_that_is_no_sheet_and_a_sheet_without_known_headers_are_reported()
    {
        var parsed = DistrictSheetParser.Parse(
        [
            new SheetFile("photo.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46, 0]),
            new SheetFile("broken.xlsx", [(byte)'P', (byte)'K', 3, 4, 1, 2, 3]),
            SheetSamples.Csv("notes.csv", "会议纪要,日期\n讨论园区,2024-01-01\n"),
        ]);

        Assert.Equal(
        [
            ("photo.jpg", SheetProblemCode.Unreadable),
            ("broken.xlsx", SheetProblemCode.Unreadable),
            ("notes.csv", SheetProblemCode.UnknownSheet),
        ], parsed.Problems.Select(p => (p.Sheet, p.Code)));
    }
}
