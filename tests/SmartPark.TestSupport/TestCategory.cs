namespace SmartPark.TestSupport;

/// <summary>
/// The values of the <c>Category</c> trait every test carries, for <c>dotnet test --filter
/// Category=…</c> and <c>./smartpark test --fast</c>. Each test project gives all its tests one
/// category at assembly level (Unit or Integration), so none is missed; Browser and Slow are added
/// on the classes that drive Chromium or take half a minute or more.
/// </summary>
public static class TestCategory
{
    public const string Trait = "Category";

    /// <summary>In-process, no servers: the fast subset.</summary>
    public const string Unit = "Unit";

    /// <summary>Real influxd, Mosquitto, the embedded broker, child processes.</summary>
    public const string Integration = "Integration";

    /// <summary>Drives a real Chromium through Playwright.</summary>
    public const string Browser = "Browser";

    /// <summary>A class that takes 30 s or more (outages, kills, scenarios in real time); run first.</summary>
    public const string Slow = "Slow";
}
