using System.Diagnostics;
using System.Text;
using SmartPark.Contracts.Registry;
using SmartPark.EdgeAgent.Drivers.Energy.Dlt645;
using SmartPark.Fuzz.Inputs;
using SmartPark.Hj212;

namespace SmartPark.UnitTests.Fuzz;

/// <summary>Each failure `./smartpark fuzz` found, as the smallest input it shrank to, fixed in the parser.</summary>
public class FoundByFuzzingTests
{
    [Theory]
    [InlineData(" : a")]
    [InlineData("- :")]
    [InlineData(": ''*a")]
    public void Registry_with_an_empty_key_is_refused_with_a_line_not_an_ArgumentException(string yaml)
    {
        // Was: YamlDotNet's ArgumentException ("The current event is of an unsupported type") escaped the loader.
        var ex = Assert.Throws<RegistryException>(() => RegistryLoader.Parse(yaml));
        var error = Assert.Single(ex.Errors);
        Assert.InRange(error.Line, 1, 2); // where YamlDotNet's parser stopped: the line, or the end after it
        Assert.StartsWith("not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[")]
    [InlineData("{a: ")]
    public void Registry_nested_past_64_levels_is_refused_before_the_stack_overflows(string level)
    {
        // Was: 50,000 '[' overflowed the stack in YamlDotNet's tree builder and killed the process.
        var yaml = "parks:\n  - " + string.Concat(Enumerable.Repeat(level, 100_000));
        var ex = Assert.Throws<RegistryException>(() => RegistryLoader.Parse(yaml));
        Assert.Contains(ex.Errors, e => e.Line == 2 && e.Message.Contains("deeper than 64", StringComparison.Ordinal));
    }

    [Fact]
    public void Registry_aliases_are_refused_so_a_small_file_cannot_expand_without_bound()
    {
        // Was: 1.5 KB of nested aliases (each list 100 references to the one below) made the
        // reader walk a million sensors: 14 s and 1.3 GB; at 300 references, all the memory there is.
        var sensors = string.Join(", ", Enumerable.Repeat("*s", 300));
        var devices = string.Join(", ", Enumerable.Repeat("*d", 300));
        var enterprises = string.Join(", ", Enumerable.Repeat("*e", 300));
        var yaml = $$"""
            parks:
              - id: p
                name: n
                district: d
                areaHectares: 1
                leadingIndustry: x
                enterprises: [&e {id: e, name: n, industry: x, floorArea: 1, status: upgraded, devices: [&d {id: d, credential: x, sensors: [&s {id: s, quantity: nmhc}, {{sensors}}]}, {{devices}}]}, {{enterprises}}]
            services: []
            """;
        var clock = Stopwatch.StartNew();
        var ex = Assert.Throws<RegistryException>(() => RegistryLoader.Parse(yaml));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Contains(ex.Errors, e => e.Line == 7 && e.Message.Contains("alias *s is not allowed", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\r=")]
    [InlineData(" =1")]
    [InlineData("a=1, =2")]
    public void Hj212_cp_field_named_only_by_blanks_is_refused_like_a_field_without_a_name(string cp)
    {
        // Was: accepted as a field with the empty name, which formats to "=…" and then no longer parses.
        var parsed = Hj212Cp.Parse(cp, out var problems);
        Assert.DoesNotContain(parsed.Fields, f => f.Name.Length == 0);
        Assert.Contains(problems, p => p.Contains("is not Name=value", StringComparison.Ordinal));
        Assert.Equal(parsed.ToString(), Hj212Cp.Parse(parsed.ToString()).ToString());
    }

    [Fact]
    public void Dlt645_client_gives_up_on_a_line_that_talks_without_ever_starting_a_frame()
    {
        // Was: on a line that never stops sending (another master, a broken transceiver) the
        // search for the first 68 read for ever, since each read returns at once.
        var noise = Encoding.ASCII.GetBytes("NOISE, NO FRAME START"); // no 0x68 (an ASCII h) in it
        var line = new DeviceLine(_ => noise, babble: true, chunk: 5);
        using var client = new Dlt645Client(line, TimeSpan.FromSeconds(30));
        var ex = Assert.Throws<Dlt645Exception>(() => client.Read("000000000001", 0x00010000));
        Assert.Contains("no frame start (68)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dlt645_client_still_reads_a_reply_behind_its_preamble_and_some_noise()
    {
        var data = new byte[] { 0x00, 0x00, 0x01, 0x00, 0x34, 0x12, 0x00, 0x00 };
        var reply = new SmartPark.Fuzz.Targets.Dlt645Target.Reply(Dlt645Frame.ReadReply, "000000000001", data).Frame();
        var line = new DeviceLine(_ => [.. Enumerable.Repeat((byte)0xFE, 4), .. new byte[200], .. reply], babble: false, chunk: 7);
        using var client = new Dlt645Client(line, TimeSpan.FromSeconds(30));
        Assert.Equal(new byte[] { 0x34, 0x12, 0x00, 0x00 }, client.Read("000000000001", 0x00010000));
    }
}
