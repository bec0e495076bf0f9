using System.Net;
using MasteryEngine.Gateway.Tests.Infrastructure;

namespace MasteryEngine.Gateway.Tests;

/// <summary>A student the service holds nothing about is a 404 <c>student-not-found</c> on reads, not a zeroed novice.</summary>
public sealed class StudentNotFoundTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private HttpClient Admin => factory.ClientFor(TestTokens.Admin());

    public static TheoryData<string, string, string> ReadRoutes => new()
    {
        { "POST", "/api/v1/mastery/query", """{"student_id": "ID"}""" },
        { "POST", "/mastery/query", """{"student_id": "ID", "include_components": true}""" },
        { "POST", "/api/v1/predictions/next-week", """{"student_id": "ID", "timeframe_days": 7}""" },
        { "POST", "/api/v1/recommendations/adaptive", """{"student_id": "ID", "limit": 5}""" },
        { "GET", "/api/v1/analytics/history/ID", "" },
        { "POST", "/api/v1/process", """{"intent": "mastery_query", "payload": {"student_id": "ID"}}""" },
        { "POST", "/api/v1/process", """{"intent": "prediction", "payload": {"student_id": "ID"}}""" },
    };

    [Theory]
    [MemberData(nameof(ReadRoutes))]
    public async Task Read_of_an_unknown_student_is_a_student_not_found_problem(string method, string path, string body)
    {
        var studentId = TestTokens.NewId("student");

        using var response = await SendAsync(Admin, method, path, body, studentId);

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("student-not-found", problem.GetProperty("type").GetString());
    }

    [Theory]
    [MemberData(nameof(ReadRoutes))]
    public async Task Read_of_a_student_with_data_answers_200(string method, string path, string body)
    {
        var studentId = TestTokens.NewId("student");
        await Admin.CalculateAsync(studentId, 0.2, 0.2, 0.2, 0.2);

        using var response = await SendAsync(Admin, method, path, body, studentId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_novice_with_data_is_a_novice_not_a_404()
    {
        var studentId = TestTokens.NewId("student");
        await Admin.CalculateAsync(studentId, 0, 0, 0, 0);

        var data = await Admin.QueryAsync(studentId);

        Assert.Equal("novice", data.Path("current_mastery.level").GetString());
    }

    [Fact]
    public async Task Calculate_without_components_creates_an_unknown_student_as_before()
    {
        var studentId = TestTokens.NewId("student");

        var (status, body) = await Admin.PostAsync("/api/v1/mastery/calculate", $$"""{"student_id": "{{studentId}}"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(studentId, body.Path("data.student_id").GetString());
    }

    [Fact]
    public async Task An_erased_student_is_not_found_again()
    {
        var studentId = TestTokens.NewId("student");
        await Admin.CalculateAsync(studentId, 0.5, 0.5, 0.5, 0.5);
        var (erased, _) = await Admin.SendAsync(HttpMethod.Delete, $"/api/v1/compliance/student/{studentId}");
        Assert.Equal(HttpStatusCode.OK, erased);

        var (status, body) = await Admin.PostAsync("/api/v1/mastery/query", $$"""{"student_id": "{{studentId}}"}""");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("student-not-found", body.GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_student_asking_for_an_unknown_other_student_still_gets_403()
    {
        using var response = await SendAsync(
            factory.ClientFor(TestTokens.Student("student_a")), "POST", "/api/v1/mastery/query", """{"student_id": "ID"}""", TestTokens.NewId("student"));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path, string body, string studentId) =>
        method == "GET"
            ? client.GetAsync(path.Replace("ID", studentId, StringComparison.Ordinal))
            : client.PostJsonAsync(path, body.Replace("ID", studentId, StringComparison.Ordinal));
}
