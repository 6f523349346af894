using SmartPark.Contracts.Registry;
using static SmartPark.UnitTests.ParkData.RegistryFile.SupervisionRegistryYaml;

namespace SmartPark.UnitTests.ParkData.RegistryFile;

/// <summary>What Ingest and the broker load from a file the database exported: the supervision keys pass, the permit is read.</summary>
public sealed class RuntimeRegistrySupervisionKeysTests
{
    [Fact]
    public void The_runtime_loads_a_file_with_every_supervision_key_and_reads_the_discharge_permit()
    {
        var registry = RegistryLoader.Parse(Full);

        var enterprise = registry.FindEnterprise("p-full", "e1");
        Assert.NotNull(enterprise);
        Assert.Equal(("91440111MA59AB1C2001V", new DateOnly(2027, 6, 30)), (enterprise.DischargePermit?.Number, enterprise.DischargePermit?.Expiry));
        Assert.Null(registry.FindEnterprise("p-plain", "e1")!.DischargePermit);
    }

    [Fact]
    public void A_permit_expiry_that_is_no_date_is_reported_at_its_line()
    {
        var yaml = Full.Replace("expiry: 2027-06-30", "expiry: 2027-13-01", StringComparison.Ordinal);

        var problem = Assert.Single(Assert.Throws<RegistryException>(() => RegistryLoader.Parse(yaml)).Errors);

        Assert.Equal(LineOf(yaml, "expiry: 2027-13-01"), problem.Line);
        Assert.Contains("'expiry' must be a date written yyyy-MM-dd, not '2027-13-01'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_that_is_neither_the_runtimes_nor_a_supervision_key_is_still_refused()
    {
        var yaml = Full.Replace("    township: 钟落潭镇", "    townshp: 钟落潭镇", StringComparison.Ordinal);

        var problem = Assert.Single(Assert.Throws<RegistryException>(() => RegistryLoader.Parse(yaml)).Errors);

        Assert.Equal(LineOf(yaml, "townshp:"), problem.Line);
        Assert.Contains("unknown key 'townshp'", problem.Message, StringComparison.Ordinal);
    }
}
