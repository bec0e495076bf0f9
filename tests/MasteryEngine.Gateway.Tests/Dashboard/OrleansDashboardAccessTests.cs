using System.Net;
using MasteryEngine.Gateway.Tests.Infrastructure;
using MasteryEngine.Testing;

namespace MasteryEngine.Gateway.Tests.Dashboard;

/// <summary>The Orleans Dashboard has no authentication of its own: the gateway lets only admins reach it.</summary>
public sealed class OrleansDashboardAccessTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    public static TheoryData<string> Routes => ["/dashboard/", "/dashboard/version", "/dashboard/DashboardCounters"];

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Without_a_token_the_dashboard_answers_401(string route)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri(route, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task A_student_or_teacher_token_gets_403(string route)
    {
        using var student = factory.ClientFor(TestTokens.Student(TestTokens.NewId("student")));
        using var teacher = factory.ClientFor(TestTokens.Teacher(TestTokens.NewId("teacher")));

        using var asStudent = await student.GetAsync(new Uri(route, UriKind.Relative));
        using var asTeacher = await teacher.GetAsync(new Uri(route, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, asStudent.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asTeacher.StatusCode);
    }

    [Fact]
    public async Task An_admin_gets_the_dashboard_page_and_the_silo_it_runs_on()
    {
        using var admin = factory.ClientFor(TestTokens.Admin());

        using var page = await admin.GetAsync(new Uri("/dashboard/", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        // The dashboard gathers its counters in the background (once a second at most): a fresh silo lists no host yet.
        var counters = await Eventually.UntilAsync(
            () => admin.GetStringAsync(new Uri("/dashboard/DashboardCounters", UriKind.Relative)),
            read => read.Contains("\"status\":\"Active\"", StringComparison.Ordinal),
            "the dashboard lists the silo",
            TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<title>Orleans Dashboard</title>", html, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"Active\"", counters, StringComparison.Ordinal);
    }
}
