using System.Reflection;
using SmartPark.IntegrationTests.EdgeAgent;
using SmartPark.IntegrationTests.Ingest;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace SmartPark.IntegrationTests.TestRun;

/// <summary>The run starts the Slow classes first, with the collections xUnit really makes for them.</summary>
public sealed class SlowCollectionsFirstTests
{
    private static readonly Type[] TestClasses = typeof(SlowCollectionsFirstTests).Assembly.GetTypes()
        .Where(t => t.GetMethods().Any(m => m.GetCustomAttributes<FactAttribute>().Any()))
        .ToArray();

    /// <summary>One collection per class or per [Collection] name, made by xUnit's own factory, as in a run.</summary>
    private static List<ITestCollection> CollectionsAsXunitMakesThem()
    {
        var assembly = new TestAssembly(Reflector.Wrap(typeof(SlowCollectionsFirstTests).Assembly));
        var factory = new CollectionPerClassTestCollectionFactory(assembly, new NullMessageSink());
        return TestClasses.Select(t => factory.Get(Reflector.Wrap(t)))
            .DistinctBy(c => c.DisplayName)
            .OrderBy(c => c.DisplayName, StringComparer.Ordinal)
            .ToList();
    }

    [Fact]
    public void Every_slow_class_is_found_in_a_collection_xunit_makes()
    {
        var orderer = new SlowCollectionsFirst();
        var names = CollectionsAsXunitMakesThem().Select(c => c.DisplayName).ToHashSet();

        Assert.Contains(orderer.SlowCollections, name => name.EndsWith(typeof(IngestDurabilityTests).FullName!, StringComparison.Ordinal));
        Assert.All(orderer.SlowCollections, name => Assert.Contains(name, names));
    }

    [Fact]
    public void The_slow_collections_come_first_and_the_others_keep_their_order()
    {
        var orderer = new SlowCollectionsFirst();
        var collections = CollectionsAsXunitMakesThem();

        var ordered = orderer.OrderTestCollections(collections).Select(c => c.DisplayName).ToList();

        var slow = orderer.SlowCollections.Count;
        var agent = orderer.AgentCollections.Count;
        Assert.True(slow > 0);
        Assert.All(ordered.Take(slow), name => Assert.Contains(name, orderer.SlowCollections));
        Assert.Equal(
            collections.Select(c => c.DisplayName).Where(n => !orderer.SlowCollections.Contains(n) && !orderer.AgentCollections.Contains(n)),
            ordered.Skip(slow).Take(ordered.Count - slow - agent));
        Assert.Equal(
            collections.Select(c => c.DisplayName).Where(orderer.AgentCollections.Contains),
            ordered.TakeLast(agent));
    }

    [Fact]
    public void The_classes_running_the_published_agent_come_last_since_its_publish_runs_beside_the_suite()
    {
        var orderer = new SlowCollectionsFirst();
        var names = CollectionsAsXunitMakesThem().Select(c => c.DisplayName).ToHashSet();

        Assert.Contains(orderer.AgentCollections, name => name.EndsWith(typeof(ShippedAgentTests).FullName!, StringComparison.Ordinal));
        Assert.All(orderer.AgentCollections, name => Assert.Contains(name, names));
    }
}
