using Microsoft.Playwright;

namespace MasteryEngine.Dashboard.Tests;

/// <summary>What a person does on the sign-in page: the Development form, as the README tells them.</summary>
public static class DashboardSession
{
    public static async Task SignInAsync(IPage page, string subject, string role, string cohorts = "", string query = "")
    {
        await page.GotoAsync($"/app/{query}");
        await page.GetByLabel("User id").FillAsync(subject);
        await page.GetByLabel("Role").SelectOptionAsync(role);
        await page.GetByLabel("Cohorts taught (teachers)").FillAsync(cohorts);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    public static async Task ScreenshotAsync(IPage page, string directory, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name + ".png"), FullPage = true });
}
