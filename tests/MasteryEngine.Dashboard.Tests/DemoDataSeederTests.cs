using MasteryEngine.Gateway.Demo;
using MasteryEngine.Gateway.Options;
using MasteryEngine.Gateway.Security;
using static MasteryEngine.Dashboard.Tests.ApiReads;

namespace MasteryEngine.Dashboard.Tests;

[Collection(DashboardCollection.Name)]
public sealed class DemoDataSeederTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Seeding_the_same_cohort_again_into_a_running_server_changes_nobodys_mastery()
    {
        var students = fixture.Cohort.Students.Take(4).Select(s => s.StudentId).ToList();
        using var admin = fixture.ApiAs("ops", "admin");
        async Task<double[]> MasteryAsync() => await Task.WhenAll(students.Select(async id =>
            (double)(await PostAsync(admin, "/api/v1/mastery/query", new { student_id = id }))["current_mastery"]!["mastery_score"]!));
        var before = await MasteryAsync();

        // What `demo-data --url` does: the same plan, the real clock, every event id already applied once.
        var issuer = new TokenIssuer(new JwtOptions { Secret = JwtOptions.DevelopmentSecret }, TimeProvider.System);
        using var http = new HttpClient { BaseAddress = fixture.BaseAddress };
        var seeder = new DemoDataSeeder(http, (sub, role, cohorts) => issuer.Issue(sub, [role], cohorts, TimeSpan.FromMinutes(10)));
        var report = await seeder.SeedAsync(fixture.Cohort with { Students = [.. fixture.Cohort.Students.Take(4)], Events = [.. fixture.Cohort.Events.Where(e => students.Contains(e.StudentId))] },
            DateOnly.FromDateTime(DateTime.UtcNow), beginDay: null, CancellationToken.None);

        Assert.Equal(4, report.Students);
        Assert.True(report.Events > 20, $"the four students have weeks of events, got {report.Events}");
        Assert.Equal(before, await MasteryAsync());
    }
}
