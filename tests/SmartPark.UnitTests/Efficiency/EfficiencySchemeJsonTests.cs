using SmartPark.Efficiency.Evaluation;

namespace SmartPark.UnitTests.Efficiency;

public sealed class EfficiencySchemeJsonTests
{
    [Fact]
    public void Schemes_survive_a_round_trip_through_json()
    {
        foreach (var scheme in new[] { EfficiencyScheme.Default, EvaluationWorkedExample.SchemeW })
        {
            var json = scheme.ToJson();
            var read = EfficiencyScheme.Parse(json);
            Assert.Equal(json, read.ToJson());
            Assert.Equal(scheme.Indicators, read.Indicators);
            Assert.Equal(scheme.Grading.Grades, read.Grading.Grades);
        }
        Assert.Contains("\"scoringMethod\": \"weighted-benchmark\"", EfficiencyScheme.Default.ToJson(), StringComparison.Ordinal);
        Assert.Contains("优先保障", EfficiencyScheme.Default.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_document_takes_the_defaults_of_what_it_leaves_out()
    {
        var scheme = EfficiencyScheme.Parse("""
            {
              "indicators": [ { "id": "tax_per_mu", "weight": 60, "benchmark": 20 }, { "id": "kwh_per_m2", "weight": 40, "benchmark": 150 } ],
              "grading": { "method": "score-bands", "grades": [ { "grade": "优", "minScore": 90 }, { "grade": "良" } ] },
            }
            """);
        Assert.Equal((ScoringMethods.WeightedBenchmark, 2.0, RankingGroups.District), (scheme.ScoringMethod, scheme.BenchmarkCap, scheme.RankingGroup));
        Assert.Equal(["优", "良"], scheme.Grading.Grades.Select(g => g.Grade));
        Assert.Empty(scheme.Tiers);
    }

    [Fact]
    public void Every_broken_rule_is_reported_with_where_and_why()
    {
        var ok = EfficiencyScheme.TryParse("""
            {
              "scoringMethod": "weighted-benchmark",
              "benchmarkCap": 0,
              "indicators": [
                { "id": "tax_per_mu", "weight": 50, "benchmark": 20 },
                { "id": "tax_per_hectare", "weight": 30, "benchmark": 5 },
                { "id": "tax_per_mu", "weight": 10, "benchmark": 20 },
                { "id": "energy_per_output", "weight": 5 }
              ],
              "rankingGroup": "park",
              "grading": { "method": "rank-share", "grades": [ { "grade": "A", "sharePercent": 30 }, { "grade": "B", "sharePercent": 60 }, { "grade": "A", "sharePercent": 5 } ] },
              "lowEfficiencyGrades": [ "D" ],
              "tiers": [ { "id": "t1", "grades": [ "A", "E" ], "zh": "优先", "en": "" }, { "id": "t2", "grades": [ "A" ], "zh": "正常", "en": "Normal" } ],
              "notGradedTier": "t9"
            }
            """, out var scheme, out var errors);

        Assert.False(ok);
        Assert.Null(scheme);
        Assert.Equal(
            [
                "$.benchmarkCap: must be greater than 0 (is 0)",
                "$.indicators[1].id: unknown indicator 'tax_per_hectare' (known: tax_per_mu, output_per_mu, sales_per_mu, value_added_per_mu, value_added_per_tce, tax_per_kwh, energy_per_output, kwh_per_m2, labour_productivity, rd_intensity, investment_intensity)",
                "$.indicators[2].id: 'tax_per_mu' appears more than once",
                "$.indicators[3].benchmark: weighted-benchmark scoring needs a benchmark greater than 0 (is none)",
                "$.indicators: weights must sum to 100 (sum to 95)",
                "$.rankingGroup: 'park' is not one of district, industry",
                "$.grading.grades[2].grade: 'A' appears more than once",
                "$.grading.grades: shares must sum to 100% (sum to 95%)",
                "$.lowEfficiencyGrades[0]: 'D' is not a grade of $.grading.grades",
                "$.tiers[0].en: the policy in English is needed",
                "$.tiers[0].grades[1]: 'E' is not a grade of $.grading.grades",
                "$.tiers[1].grades[0]: grade 'A' is already in tier 't1'",
                "$.notGradedTier: 't9' is not the id of a tier",
            ],
            errors);
    }

    [Fact]
    public void Score_bands_must_descend_and_end_open()
    {
        Assert.False(EfficiencyScheme.TryParse("""
            { "indicators": [ { "id": "tax_per_mu", "weight": 100, "benchmark": 20 } ],
              "grading": { "method": "score-bands", "grades": [ { "grade": "A", "minScore": 80 }, { "grade": "B", "minScore": 90 }, { "grade": "C" }, { "grade": "D", "minScore": 0 } ] } }
            """, out _, out var errors));
        Assert.Equal(
            [
                "$.grading.grades[1].minScore: bands must descend (90 is not below 80)",
                "$.grading.grades[2].minScore: score-band grading needs a minScore on every grade but the last",
                "$.grading.grades[3].minScore: the last band takes every lower score and has no minScore",
            ],
            errors);
    }

    [Theory]
    [InlineData("""{ "indicators": [ { "id": "tax_per_mu", "weight": 100, "benchmak": 20 } ] }""", "$.indicators[0].benchmak")]
    [InlineData("""{ "indicators": [ { "weight": 100 } ] }""", "$.indicators[0]")]
    [InlineData("""{ "indicators": null }""", "$.indicators")]
    [InlineData("""{ "benchmarkCap": "two" }""", "$.benchmarkCap")]
    [InlineData("""{ "indicators": [ """, "$.indicators")]
    public void Malformed_json_is_an_error_naming_where(string json, string path)
    {
        Assert.False(EfficiencyScheme.TryParse(json, out _, out var errors));
        var error = Assert.Single(errors);
        Assert.StartsWith(path, error, StringComparison.Ordinal);
        Assert.Throws<EfficiencySchemeException>(() => EfficiencyScheme.Parse(json));
    }
}
