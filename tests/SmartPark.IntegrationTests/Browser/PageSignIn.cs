using Microsoft.Playwright;
using SmartPark.IntegrationTests.Servers;

namespace SmartPark.IntegrationTests.Browser;

public static class PageSignIn
{
    /// <summary>Fills the sign-in form as a person would and waits for the page it leads to.</summary>
    public static async Task SignInAsync(this IPage page, Uri dashboard, string user, string password, string path = "")
    {
        await page.GotoAsync(new Uri(dashboard, path).ToString());
        await page.Locator("#user").FillAsync(user);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("#signin").ClickAsync();
    }

    public static Task SignInAsync(this IPage page, Uri dashboard, TestUser user, string path = "") =>
        page.SignInAsync(dashboard, user.Name, user.Password, path);
}
