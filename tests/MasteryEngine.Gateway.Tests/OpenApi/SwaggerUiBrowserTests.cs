using Microsoft.Playwright;
using MasteryEngine.Gateway.Tests.Infrastructure;

namespace MasteryEngine.Gateway.Tests.OpenApi;

/// <summary>
/// The gateway on a real loopback port and Debian's chromium driven by Playwright, as a person uses Swagger UI:
/// Authorize with a token, then "Try it out" on a data route with its example.
/// </summary>
public sealed class SwaggerUiBrowserTests(SwaggerUiFixture fixture) : IClassFixture<SwaggerUiFixture>
{
    [Fact]
    public async Task Authorize_then_try_it_out_calls_a_data_route_with_the_token()
    {
        var page = await fixture.OpenDocsAsync();

        await page.Locator("button.authorize").First.ClickAsync();
        var dialog = page.Locator(".modal-ux");
        await dialog.Locator("input").First.FillAsync(TestTokens.Student("student_12345"));
        await dialog.Locator("button.authorize").ClickAsync();
        await Assertions.Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Remove authorization" })).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();

        var operation = page.Locator(".opblock-post").Filter(new() { HasText = "/api/v1/mastery/calculate" });
        await operation.Locator(".opblock-summary").ClickAsync();
        await operation.GetByRole(AriaRole.Button, new() { Name = "Try it out" }).ClickAsync();
        await operation.GetByRole(AriaRole.Button, new() { Name = "Execute" }).ClickAsync();

        var status = operation.Locator(".live-responses-table .response .response-col_status");
        await Assertions.Expect(status).ToHaveTextAsync("200");
        await Assertions.Expect(operation.Locator(".live-responses-table .microlight").First).ToContainTextAsync("proficient");
    }

    [Fact]
    public async Task Without_authorizing_the_same_call_is_refused_with_401()
    {
        var page = await fixture.OpenDocsAsync();

        var operation = page.Locator(".opblock-post").Filter(new() { HasText = "/api/v1/mastery/calculate" });
        await operation.Locator(".opblock-summary").ClickAsync();
        await operation.GetByRole(AriaRole.Button, new() { Name = "Try it out" }).ClickAsync();
        await operation.GetByRole(AriaRole.Button, new() { Name = "Execute" }).ClickAsync();

        await Assertions.Expect(operation.Locator(".live-responses-table .response .response-col_status")).ToHaveTextAsync("401");
    }
}
