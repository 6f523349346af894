namespace SmartPark.ParkData.Entities.Efficiency;

/// <summary>
/// An enterprise's economic figures for one evaluation year (亩均效益评价), as the tax, statistics
/// and the enterprise itself report them: entered on the web or imported from the district's
/// sheet. Money in 万元 (10,000 CNY) as the schemes count it; a double, as the projects' money is.
/// The land area is the enterprise's (<see cref="Enterprise.LandAreaM2"/>), the energy its meters'.
/// </summary>
public sealed class EnterpriseEconomics : IVersioned, IAudited
{
    public required string ParkId { get; set; }
    public required string EnterpriseId { get; set; }

    /// <summary>The calendar year the figures are for.</summary>
    public int Year { get; set; }

    /// <summary>工业总产值, 万元.</summary>
    public double? OutputValue { get; set; }

    /// <summary>工业增加值, 万元.</summary>
    public double? ValueAdded { get; set; }

    /// <summary>主营业务收入 (sales revenue), 万元: the denominator of R&amp;D intensity, and sales per mu.</summary>
    public double? Revenue { get; set; }

    /// <summary>实缴税金 counted by the evaluation, 万元.</summary>
    public double? TaxPaid { get; set; }

    /// <summary>年平均职工人数.</summary>
    public int? Employees { get; set; }

    /// <summary>研发经费支出, 万元.</summary>
    public double? RdSpending { get; set; }

    /// <summary>One of <see cref="Vocabulary.EvaluationStanding.All"/>: graded, or evaluated but not graded (new, exempt).</summary>
    public string Standing { get; set; } = Vocabulary.EvaluationStanding.Graded;

    /// <summary>Where the figures came from (a sheet's file name, "web"), for the officer who doubts one.</summary>
    public string? Source { get; set; }

    public long Version { get; set; }

    public Enterprise? Enterprise { get; set; }

    public string AuditKey => $"economics:{ParkId}/{EnterpriseId}/{Year}";
}
