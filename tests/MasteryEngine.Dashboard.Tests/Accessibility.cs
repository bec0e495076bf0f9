using System.Text.Json;
using Microsoft.Playwright;

namespace MasteryEngine.Dashboard.Tests;

/// <summary>Runs the vendored axe-core in the page and returns its serious and critical violations.</summary>
public static class Accessibility
{
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page, string axeSource)
    {
        // Evaluated over the DevTools protocol, which the page's Content Security Policy does not govern.
        await page.EvaluateAsync(axeSource);
        var json = await page.EvaluateAsync<string>(
            """
            async () => {
              const result = await axe.run(document, { resultTypes: ["violations"] });
              return JSON.stringify(result.violations
                .filter(v => v.impact === "serious" || v.impact === "critical")
                .map(v => `${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map(n => n.target.join(" ")).join("; ")})`));
            }
            """);
        return JsonSerializer.Deserialize<string[]>(json) ?? [];
    }
}
