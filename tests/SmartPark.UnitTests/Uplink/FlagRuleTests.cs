using SmartPark.Uplink.Data;

namespace SmartPark.UnitTests.Uplink;

public class FlagRuleTests
{
    private static Dictionary<string, long> Counts(params (string Flag, long Count)[] counts) => counts.ToDictionary(c => c.Flag, c => c.Count);

    [Theory]
    [InlineData(8, 0, "N")]
    [InlineData(6, 2, "N")] // exactly 75 % normal
    [InlineData(5, 3, "C")] // below 75 %: the one other flag
    [InlineData(0, 4, "C")]
    public void A_value_is_normal_only_when_three_quarters_of_its_readings_are(long normal, long calibration, string expected)
    {
        Assert.Equal(expected, FlagRule.Of(Counts(("N", normal), ("C", calibration))));
    }

    [Fact]
    public void Mixed_other_flags_give_the_standards_fault_flag()
    {
        Assert.Equal("D", FlagRule.Of(Counts(("N", 4), ("M", 2), ("C", 2))));
    }

    [Fact]
    public void No_readings_is_normal_and_flags_of_flags_follow_the_same_rule()
    {
        Assert.Equal("N", FlagRule.Of(Counts()));
        Assert.Equal("N", FlagRule.OfFlags(["N", "N", "N", "M"]));
        Assert.Equal("M", FlagRule.OfFlags(["N", "N", "M", "M"]));
        Assert.Equal("D", FlagRule.OfFlags(["N", "N", "C", "D"]));
    }
}
