using SmartPark.Dashboard.Efficiency.Evaluation;
using SmartPark.Dashboard.Supervision.Reports;
using SmartPark.Efficiency.Evaluation;
using SmartPark.ParkData.Entities;

namespace SmartPark.Dashboard.Efficiency.Reports;

/// <summary>
/// The quarterly report's efficiency section from a district's evaluation of a year: the grade
/// distribution in the scheme's order, the low-efficiency land and the agreement breaches, with
/// the parks' and enterprises' names. Null for a year without figures (nothing to report).
/// </summary>
public static class ReportEfficiencySection
{
    public static ReportEfficiency? From(EvaluatedYear evaluated, IReadOnlyList<Park> parks)
    {
        if (!evaluated.HasData)
            return null;
        var evaluation = evaluated.Evaluation;
        var parkById = parks.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var facts = evaluation.Enterprises.ToDictionary(e => (e.Facts.ParkId, e.Facts.EnterpriseId), e => e.Facts);
        (string Zh, string? En) ParkName(string id) => parkById.TryGetValue(id, out var p) ? (p.NameZh, p.NameEn) : (id, null);
        (string Zh, string? En) EnterpriseName(string park, string id) => facts.TryGetValue((park, id), out var f) ? (f.NameZh, f.NameEn) : (id, null);

        var grades = evaluated.Scheme.Grading.Grades
            .Select(g => new GradeCountRow(g.Grade, evaluation.GradeCounts.GetValueOrDefault(g.Grade), evaluated.Scheme.LowEfficiencyGrades.Contains(g.Grade, StringComparer.Ordinal)))
            .ToList();
        var low = evaluation.LowEfficiencyLand
            .OrderBy(l => l.ParkId, StringComparer.Ordinal).ThenBy(l => l.EnterpriseId, StringComparer.Ordinal)
            .Select(l =>
            {
                var (parkZh, parkEn) = ParkName(l.ParkId);
                var (zh, en) = EnterpriseName(l.ParkId, l.EnterpriseId);
                return new LowEfficiencyRow(l.ParkId, parkZh, parkEn, l.EnterpriseId, zh, en, l.Grade, l.Score is { } s ? Math.Round(s, 2) : null, Math.Round(l.LandAreaMu, 2));
            })
            .ToList();
        var breaches = evaluation.Breaches
            .OrderBy(b => b.ParkId, StringComparer.Ordinal).ThenBy(b => b.EnterpriseId, StringComparer.Ordinal).ThenBy(b => b.Target, StringComparer.Ordinal)
            .Select(b =>
            {
                var (parkZh, parkEn) = ParkName(b.ParkId);
                var (zh, en) = EnterpriseName(b.ParkId, b.EnterpriseId);
                var indicator = IndicatorCatalogue.Find(b.Target);
                return new BreachRow(b.ParkId, parkZh, parkEn, b.EnterpriseId, zh, en, b.Target, indicator?.TitleZh ?? b.Target, indicator?.TitleEn ?? b.Target,
                    indicator?.Unit, b.Promised, b.Achieved is { } a ? Math.Round(a, 4) : null);
            })
            .ToList();
        return new ReportEfficiency(evaluation.Year, grades, evaluation.Enterprises.Count - grades.Sum(g => g.Enterprises),
            Math.Round(low.Sum(l => l.LandMu), 2), low, breaches);
    }
}
