using SmartPark.Contracts.Registry;
using SmartPark.Contracts.Topics;

namespace SmartPark.UnitTests.Registry;

/// <summary>Ids that are words of the topic tree, wildcards or <c>$</c> names are refused for every id kind.</summary>
public class ReservedIdTests
{
    /// <summary>Line of each id in <see cref="RegistryYaml.Valid"/>, and how to write it there.</summary>
    private static readonly (string What, int Line, Func<string, string> Text)[] Places =
    [
        ("park", 2, id => $"  - id: '{id}'"),
        ("enterprise", 8, id => $"      - id: '{id}'"),
        ("device", 15, id => $"          - id: '{id}'"),
        ("sensor", 18, id => $"              - {{ id: '{id}', quantities: [power, energy] }}"),
    ];

    public static TheoryData<string> Words()
    {
        // From the builder, not a copy: a word a new topic adds is covered here at once.
        var data = new TheoryData<string>();
        foreach (var word in SmartParkTopics.FixedWords.Append("$SYS").Append("$share").Append("+").Append("#").Distinct())
            data.Add(word);
        return data;
    }

    [Theory]
    [MemberData(nameof(Words))]
    public void A_topic_word_is_refused_as_a_park_enterprise_device_or_sensor_id(string word)
    {
        foreach (var (what, line, text) in Places)
        {
            var ex = Assert.Throws<RegistryException>(() => RegistryLoader.Parse(RegistryYaml.WithLine(line, text(word))));
            var error = Assert.Single(ex.Errors, e => e.Line == line);
            Assert.Contains($"{what} id '{word}'", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_fixed_words_are_taken_from_every_topic_the_builder_makes()
    {
        foreach (var word in new[] { "smartpark", "v1", "telemetry", "status", "alerts", "ack", "deadletter", "rules", "+", "#", "$share" })
            Assert.Contains(word, SmartParkTopics.FixedWords);
        Assert.DoesNotContain("0p", SmartParkTopics.FixedWords);
    }

    [Fact]
    public void Every_topic_kind_has_a_builder_whose_topic_parses_back_to_it()
    {
        var device = new DeviceAddress("p1", "e1", "d1");
        foreach (var kind in Enum.GetValues<TopicKind>())
        {
            Assert.True(SmartParkTopics.TryParse(SmartParkTopics.Of(kind, device, "a1"), out var parsed), kind.ToString());
            Assert.Equal(kind, parsed.Kind);
        }
    }

    [Fact]
    public void A_device_id_in_the_services_client_id_space_is_refused()
    {
        var ex = Assert.Throws<RegistryException>(() => RegistryLoader.Parse(RegistryYaml.WithLine(15, "          - id: smartpark-ingest")));
        Assert.Contains("services' MQTT client ids", Assert.Single(ex.Errors).Message, StringComparison.Ordinal);
    }
}
