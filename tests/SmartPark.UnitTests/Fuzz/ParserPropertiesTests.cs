using SmartPark.Fuzz;

namespace SmartPark.UnitTests.Fuzz;

/// <summary>
/// Every fuzz property of every parser that reads what a device or the network sends
/// (tests/Tools/SmartPark.Fuzz), run briefly with a fixed seed so a failure repeats and the
/// suite stays fast. `./smartpark fuzz` runs the same properties for minutes with fresh seeds.
/// </summary>
public class ParserPropertiesTests
{
    /// <summary>Cases per property: FsCheck grows the inputs' size over the run, small to large.</summary>
    private const int Cases = 200;

    private const ulong Seed = 14;

    public static TheoryData<string, string> Properties()
    {
        var data = new TheoryData<string, string>();
        foreach (var target in FuzzTargets.All)
        {
            foreach (var property in target.Properties)
                data.Add(target.Name, property.Name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Properties))]
    public void Property_holds(string target, string property)
    {
        var outcome = FuzzTargets.Find(target)!.Property(property).Run(Seed, Cases);
        Assert.True(outcome.Ok, $"{outcome.Summary}{Environment.NewLine}{outcome.Error?.Message}{Environment.NewLine}smallest failing input: {outcome.Shrunk}");
        Assert.Equal(Cases, outcome.Tests);
    }

    [Fact]
    public void Every_parser_named_in_the_issue_has_a_target()
    {
        var names = FuzzTargets.All.Select(t => t.Name).ToHashSet();
        Assert.Superset(names, new HashSet<string> { "telemetry", "status", "registry", "hj212-decoder", "hj212-reader", "modbus", "modbus-tcp", "dlt645", "uart-sensors" });
    }
}
