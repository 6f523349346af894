using Xunit.Abstractions;

namespace SmartPark.IntegrationTests.TestRun;

/// <summary>
/// Orders the test collections so that those holding a class with
/// <c>[Trait(TestCategory.Trait, TestCategory.Slow)]</c> start first, the rest in xUnit's own order,
/// and those running the published agent (<see cref="EdgeAgent.PublishedAgent"/>) last.
/// xUnit runs as many collections at once as it has threads and starts them in this order, so a
/// five-minute class started first overlaps everything else instead of running alone at the end;
/// and the agent's NativeAOT publish, which <c>./smartpark test</c> runs beside the suite, has had
/// the whole run to finish before a class waits for it and holds a thread doing nothing.
/// </summary>
public sealed class SlowCollectionsFirst : ITestCollectionOrderer
{
    public const string TypeName = "SmartPark.IntegrationTests.TestRun.SlowCollectionsFirst";
    public const string AssemblyName = "SmartPark.IntegrationTests";

    private readonly HashSet<string> _slowCollections;
    private readonly HashSet<string> _agentCollections;

    public SlowCollectionsFirst()
        : this(typeof(SlowCollectionsFirst).Assembly.GetTypes())
    {
    }

    public SlowCollectionsFirst(IEnumerable<Type> testClasses)
    {
        var classes = testClasses.ToList();
        _slowCollections = classes.Where(IsSlow).Select(CollectionName).ToHashSet(StringComparer.Ordinal);
        _agentCollections = classes.Where(RunsPublishedAgent).Select(CollectionName).Except(_slowCollections).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The collections of the Slow classes, by the display name xUnit gives them.</summary>
    public IReadOnlySet<string> SlowCollections => _slowCollections;

    /// <summary>The collections of classes that wait for the published agent (and are not Slow).</summary>
    public IReadOnlySet<string> AgentCollections => _agentCollections;

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(Rank); // a stable sort: the rest keep xUnit's order

    private int Rank(ITestCollection collection) =>
        _slowCollections.Contains(collection.DisplayName) ? 0 : _agentCollections.Contains(collection.DisplayName) ? 2 : 1;

    private static bool RunsPublishedAgent(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IClassFixture<>)
            && i.GetGenericArguments()[0] == typeof(EdgeAgent.PublishedAgent));

    private static bool IsSlow(Type type) =>
        type.GetCustomAttributesData().Any(a => a.AttributeType == typeof(TraitAttribute)
            && Equals(a.ConstructorArguments[0].Value, TestCategory.Trait)
            && Equals(a.ConstructorArguments[1].Value, TestCategory.Slow));

    /// <summary>The [Collection] name, or the one xUnit makes for a class in a collection of its own.</summary>
    private static string CollectionName(Type type) =>
        type.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType == typeof(CollectionAttribute)) is { } collection
            ? (string)collection.ConstructorArguments[0].Value!
            : $"Test collection for {type.FullName}";
}
