using Xunit.Abstractions;

namespace SmartPark.IntegrationTests.TestRun;

/// <summary>
/// Orders the test collections so that those holding a class with
/// <c>[Trait(TestCategory.Trait, TestCategory.Slow)]</c> start first, the rest in xUnit's own order.
/// xUnit runs as many collections at once as it has threads and starts them in this order, so a
/// five-minute class started first overlaps everything else instead of running alone at the end.
/// </summary>
public sealed class SlowCollectionsFirst : ITestCollectionOrderer
{
    public const string TypeName = "SmartPark.IntegrationTests.TestRun.SlowCollectionsFirst";
    public const string AssemblyName = "SmartPark.IntegrationTests";

    private readonly HashSet<string> _slowCollections;

    public SlowCollectionsFirst()
        : this(typeof(SlowCollectionsFirst).Assembly.GetTypes())
    {
    }

    public SlowCollectionsFirst(IEnumerable<Type> testClasses) =>
        _slowCollections = testClasses.Where(IsSlow).Select(CollectionName).ToHashSet(StringComparer.Ordinal);

    /// <summary>The collections of the Slow classes, by the display name xUnit gives them.</summary>
    public IReadOnlySet<string> SlowCollections => _slowCollections;

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => _slowCollections.Contains(c.DisplayName) ? 0 : 1); // a stable sort: the rest keep xUnit's order

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
