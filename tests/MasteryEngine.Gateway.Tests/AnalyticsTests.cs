using System.Net;
using MasteryEngine.Gateway.Tests.Infrastructure;

namespace MasteryEngine.Gateway.Tests;

public sealed class AnalyticsTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private HttpClient Admin => factory.ClientFor(TestTokens.Admin());

    [Fact]
    public async Task History_holds_todays_snapshot_after_a_calculation()
    {
        var studentId = TestTokens.NewId("student");
        await Admin.CalculateAsync(studentId, 0.5, 0.5, 0.5, 0.5);

        var (status, body) = await factory.ClientFor(TestTokens.Student(studentId)).GetJsonAsync($"/api/v1/analytics/history/{studentId}?days=7");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(7, body.Path("data.days").GetInt32());
        var snapshot = Assert.Single(body.Path("data.snapshots").EnumerateArray());
        Assert.Equal(0.5, snapshot.GetProperty("mastery_score").GetDouble(), 6);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("91")]
    [InlineData("-3")]
    [InlineData("abc")]
    public async Task History_days_outside_one_to_the_retention_period_is_a_400_problem(string days)
    {
        using var response = await Admin.GetAsync($"/api/v1/analytics/history/student_1?days={days}");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.DoesNotContain("abc", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Student_may_not_read_another_students_history()
    {
        using var response = await factory.ClientFor(TestTokens.Student("student_a")).GetAsync("/api/v1/analytics/history/student_b");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Cohort_analytics_give_size_mean_and_level_distribution_to_its_teacher()
    {
        var cohortId = TestTokens.NewId("cohort");
        var (strong, weak, idle) = (TestTokens.NewId("student"), TestTokens.NewId("student"), TestTokens.NewId("student"));
        foreach (var studentId in new[] { strong, weak, idle })
        {
            await Admin.AddToCohortAsync(cohortId, studentId);
        }

        await Admin.CalculateAsync(strong, 1, 1, 1, 1);
        await Admin.CalculateAsync(weak, 0.2, 0.2, 0.2, 0.2);

        var (status, body) = await factory.ClientFor(TestTokens.Teacher("teacher_1", cohortId)).GetJsonAsync($"/api/v1/analytics/cohorts/{cohortId}");

        Assert.Equal(HttpStatusCode.OK, status);
        var data = body.GetProperty("data");
        Assert.Equal(cohortId, data.GetProperty("cohort_id").GetString());
        Assert.Equal(3, data.GetProperty("size").GetInt32());
        Assert.Equal(0.6, data.GetProperty("mean_mastery").GetDouble(), 6);
        Assert.Equal(1, data.Path("level_distribution.mastered").GetInt32());
        Assert.Equal(1, data.Path("level_distribution.novice").GetInt32());
    }

    [Fact]
    public async Task Teacher_may_not_read_another_cohorts_analytics()
    {
        using var response = await factory.ClientFor(TestTokens.Teacher("teacher_1", "cohort_a")).GetAsync("/api/v1/analytics/cohorts/cohort_b");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Comparison_ranks_cohorts_by_mean_mastery()
    {
        var (high, low) = (TestTokens.NewId("cohort"), TestTokens.NewId("cohort"));
        var (a, b) = (TestTokens.NewId("student"), TestTokens.NewId("student"));
        await Admin.AddToCohortAsync(high, a);
        await Admin.AddToCohortAsync(low, b);
        await Admin.CalculateAsync(a, 0.9, 0.9, 0.9, 0.9);
        await Admin.CalculateAsync(b, 0.3, 0.3, 0.3, 0.3);

        var (status, body) = await factory.ClientFor(TestTokens.Teacher("teacher_2", high, low))
            .GetJsonAsync($"/api/v1/analytics/cohorts/compare?ids={low},{high}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, body.Path("data.cohorts").GetArrayLength());
        Assert.Equal(high, body.Path("data.highest_mean_cohort").GetString());
        Assert.Equal(low, body.Path("data.lowest_mean_cohort").GetString());
        Assert.Equal(0.6, body.Path("data.mean_spread").GetDouble(), 6);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?ids=only_one")]
    [InlineData("?ids=a,b%20c")]
    public async Task Comparison_needs_two_or_more_valid_cohort_ids(string query)
    {
        using var response = await Admin.GetAsync($"/api/v1/analytics/cohorts/compare{query}");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Comparison_including_a_cohort_the_teacher_does_not_teach_is_forbidden()
    {
        using var response = await factory.ClientFor(TestTokens.Teacher("teacher_3", "cohort_a"))
            .GetAsync("/api/v1/analytics/cohorts/compare?ids=cohort_a,cohort_b");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
