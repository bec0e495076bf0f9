using MasteryEngine.Gateway.Demo;
using Microsoft.Playwright;
using static MasteryEngine.Dashboard.Tests.ApiReads;
using static Microsoft.Playwright.Assertions;

namespace MasteryEngine.Dashboard.Tests;

[Collection(DashboardCollection.Name)]
public sealed class CohortViewTests(DashboardFixture fixture)
{
    private static readonly string[] Levels = ["novice", "developing", "proficient", "mastered"];

    [Fact]
    public async Task Teacher_sees_level_distributions_mean_over_time_comparison_attention_list_and_heat_map()
    {
        var cohorts = fixture.Cohort.CohortIds.ToArray();
        using var api = fixture.ApiAs(fixture.Cohort.TeacherId, "teacher", cohorts);
        var page = await fixture.NewPageAsync();
        await DashboardSession.SignInAsync(page, fixture.Cohort.TeacherId, "teacher", string.Join(",", cohorts));
        await Expect(page.GetByTestId("heatmap").First).ToBeVisibleAsync();

        foreach (var cohort in cohorts)
        {
            var analytics = await GetAsync(api, $"/api/v1/analytics/cohorts/{cohort}");
            var members = (await GetAsync(api, $"/api/v1/cohorts/{cohort}/students"))["students"]!.AsArray();
            var card = page.Locator($"[data-testid=cohort-card][data-cohort='{cohort}']");
            var distribution = Levels.Select(level => (int)analytics["level_distribution"]![level]!).ToArray();
            await Expect(card.GetByTestId("level-distribution")).ToHaveTextAsync(
                string.Join(" · ", Levels.Select((level, i) => $"{Capitalised(level)} {distribution[i]}")));
            await Expect(card.GetByTestId("cohort-mean")).ToHaveTextAsync(Percent((double)analytics["mean_mastery"]!));
            var charted = await card.Locator("canvas").EvaluateAsync<int[]>("canvas => Chart.getChart(canvas).data.datasets[0].data");
            Assert.Equal(distribution, charted);
            await Expect(page.Locator($"[data-testid=heatmap][data-cohort='{cohort}'] tbody tr")).ToHaveCountAsync(members.Count);
        }

        var mean = await page.Locator("#mean-chart").EvaluateAsync<int>("canvas => Chart.getChart(canvas).data.datasets.length");
        Assert.Equal(cohorts.Length, mean);
        var comparison = await GetAsync(api, $"/api/v1/analytics/cohorts/compare?ids={string.Join(",", cohorts)}");
        await Expect(page.GetByTestId("cohort-compare")).ToContainTextAsync($"Highest: {comparison["highest_mean_cohort"]}");

        var stalled = fixture.Cohort.Students.First(s => s.Profile == DemoProfile.Stalled).StudentId;
        await Expect(page.GetByTestId("attention-table").Locator($"tr[data-student='{stalled}']")).ToContainTextAsync("stalled");

        await DashboardSession.ScreenshotAsync(page, fixture.ScreenshotDirectory, "teacher");
        Assert.Empty(await Accessibility.SeriousViolationsAsync(page, fixture.AxeSource));

        var first = fixture.Cohort.Students[0].StudentId;
        await page.Locator($"[data-testid=heatmap] tr[data-student='{first}'] a").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Progress of {first}" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("mastery-score")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Admin_erasure_after_confirmation_removes_the_student_from_the_teacher_view_and_is_audited()
    {
        var target = fixture.Cohort.Students[^1];
        var admin = await fixture.NewPageAsync();
        await DashboardSession.SignInAsync(admin, "ops_admin", "admin");
        // The admin view draws itself again once the audit trail arrives: fill the id after that.
        await Expect(admin.GetByTestId("audit-table")).ToBeVisibleAsync();
        var studentId = admin.GetByTestId("admin-student-id");
        await studentId.FillAsync(target.StudentId);
        await Expect(studentId).ToHaveValueAsync(target.StudentId);
        await admin.GetByTestId("export-button").ClickAsync();
        await Expect(admin.GetByTestId("export-result")).ToContainTextAsync($"Export of {target.StudentId}");
        await Expect(admin.GetByTestId("export-result")).ToContainTextAsync("daily snapshots");

        await admin.GetByTestId("erase-button").ClickAsync();
        var dialog = admin.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(admin.GetByTestId("confirm-erase")).ToBeDisabledAsync();
        await admin.GetByTestId("confirm-erase-id").FillAsync("someone_else");
        await Expect(admin.GetByTestId("confirm-erase")).ToBeDisabledAsync();
        await admin.GetByTestId("confirm-erase-id").FillAsync(target.StudentId);
        await admin.GetByTestId("confirm-erase").ClickAsync();

        await Expect(admin.GetByTestId("erase-result")).ToContainTextAsync($"Erased {target.StudentId}: mastery_scores");
        await Expect(admin.GetByTestId("audit-table").Locator("tbody tr").First).ToContainTextAsync(target.StudentId);
        await Expect(admin.GetByTestId("audit-table").Locator("tbody tr").First).ToContainTextAsync("ops_admin");
        await DashboardSession.ScreenshotAsync(admin, fixture.ScreenshotDirectory, "admin");
        Assert.Empty(await Accessibility.SeriousViolationsAsync(admin, fixture.AxeSource));

        var teacher = await fixture.NewPageAsync();
        await DashboardSession.SignInAsync(teacher, fixture.Cohort.TeacherId, "teacher", string.Join(",", fixture.Cohort.CohortIds));
        var heatmap = teacher.Locator($"[data-testid=heatmap][data-cohort='{target.CohortId}']");
        await Expect(heatmap).ToBeVisibleAsync();
        await Expect(heatmap.Locator("tbody tr")).ToHaveCountAsync(fixture.Cohort.Students.Count(s => s.CohortId == target.CohortId) - 1);
        await Expect(teacher.Locator($"[data-student='{target.StudentId}']")).ToHaveCountAsync(0);
    }
}
