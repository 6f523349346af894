using Microsoft.Playwright;

namespace SmartPark.IntegrationTests.Browser;

/// <summary>
/// One headless Debian chromium per test class (starting it is the slow part); each test opens its
/// own context, so cookies and storage never leak between tests. Playwright cannot download
/// browsers here, so it drives the system's /usr/bin/chromium (installed by ./smartpark).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly List<IBrowserContext> _contexts = [];
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Expectations wait up to 15 s (not 5): the machine is shared and the suite runs in parallel.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task<IPage> NewPageAsync(string locale = "zh-CN")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = locale });
        lock (_contexts)
            _contexts.Add(context);
        // Bounded waits everywhere: a broken page fails in seconds, not at the runner's timeout.
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        // Script errors go to the test log, so a failing wait says why the page stalled.
        page.PageError += (_, error) => Console.Error.WriteLine($"[browser] page error: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
                Console.Error.WriteLine($"[browser] {message.Type}: {message.Text}");
        };
        return page;
    }

    /// <summary>
    /// Saves a full-page screenshot of a view as test output: into <c>$SMARTPARK_SCREENSHOTS</c>
    /// (<c>./smartpark test</c> points it at <c>.smartpark/test-results/screenshots</c>), else
    /// next to the test assembly. Returns the file's path.
    /// </summary>
    public static async Task<string> ScreenshotAsync(IPage page, string view)
    {
        var folder = Environment.GetEnvironmentVariable("SMARTPARK_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, view + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    /// <summary>Closes the test's pages, so they stop reconnecting to a Dashboard the test has stopped.</summary>
    public async Task CloseContextsAsync()
    {
        IBrowserContext[] open;
        lock (_contexts)
        {
            open = [.. _contexts];
            _contexts.Clear();
        }
        foreach (var context in open)
            await context.CloseAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
