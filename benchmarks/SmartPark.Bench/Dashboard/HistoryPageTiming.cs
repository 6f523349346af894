using System.Globalization;
using Microsoft.Playwright;

namespace SmartPark.Bench.Dashboard;

/// <summary>
/// The history page in headless Debian chromium (driven by Playwright, launched as the browser
/// tests launch it): signs in through the form, picks the bench's sensor and a 30-day range, and
/// times, inside the page, from clicking "show" to the chart drawn and the summary written plus one
/// animation frame — the fetch, the JSON parse and uPlot's drawing, as a person would wait for it.
/// </summary>
internal static class HistoryPageTiming
{
    private const string ChromiumPath = "/usr/bin/chromium";

    // Runs in the page: history.js keeps its helpers in the page's global scope.
    private const string TimeOneDraw = """
        async (days) => {
          const summary = document.getElementById("h-summary");
          document.getElementById("h-from").value = localInput(new Date(Date.now() - days * 86400000));
          document.getElementById("h-to").value = localInput(new Date());
          summary.textContent = "";
          const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
          const started = performance.now();
          document.getElementById("h-show").click();
          while (!summary.textContent) await frame();
          await frame();
          const drawn = performance.now() - started;
          return [drawn, document.querySelectorAll("#h-chart canvas").length];
        }
        """;

    /// <summary>Milliseconds per draw of <paramref name="days"/> days, sorted; throws when the page cannot be driven.</summary>
    public static async Task<List<double>> RunAsync(Uri dashboard, string user, string password, string park, string enterpriseDevice, int days, int draws)
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is not installed");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();

        await page.GotoAsync(new Uri(dashboard, "signin").ToString());
        await page.Locator("#user").FillAsync(user);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("#signin").ClickAsync();
        await page.WaitForURLAsync(new Uri(dashboard, "/").ToString().TrimEnd('/') + "/**");

        await page.GotoAsync(new Uri(dashboard, "history").ToString());
        await page.Locator($"#h-park option[value='{park}']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Locator("#h-park").SelectOptionAsync(park);
        await page.Locator($"#h-device option[value='{enterpriseDevice}']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Locator("#h-device").SelectOptionAsync(enterpriseDevice);
        await page.Locator("#h-quantity option").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });

        var ms = new List<double>(draws);
        for (var i = 0; i <= draws; i++)
        {
            var result = await page.EvaluateAsync<double[]>(TimeOneDraw, days);
            if (result[1] < 1)
                throw new InvalidOperationException("the history page drew no chart");
            if (i > 0) // the first draw loads uPlot's code paths: untimed, as for the API
                ms.Add(result[0]);
        }
        ms.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {days} d  page (chromium): p50 {ms[ms.Count / 2]:0.0} ms, max {ms[^1]:0.0} ms"));
        return ms;
    }
}
