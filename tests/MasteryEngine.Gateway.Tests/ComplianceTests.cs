using System.Net;
using System.Text.Json;
using MasteryEngine.Gateway.Tests.Infrastructure;

namespace MasteryEngine.Gateway.Tests;

public sealed class ComplianceTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private HttpClient Admin => factory.ClientFor(TestTokens.Admin("admin_gdpr"));

    [Fact]
    public async Task Export_holds_everything_kept_about_the_student()
    {
        var (cohortId, studentId) = (TestTokens.NewId("cohort"), TestTokens.NewId("student"));
        await Admin.AddToCohortAsync(cohortId, studentId);
        await Admin.CalculateAsync(studentId, 0.6, 0.6, 0.6, 0.6);

        var (status, body) = await factory.ClientFor(TestTokens.Student(studentId)).GetJsonAsync($"/api/v1/compliance/export/{studentId}");

        Assert.Equal(HttpStatusCode.OK, status);
        var data = body.GetProperty("data");
        Assert.Equal(0.6, data.Path("current_mastery.mastery_score").GetDouble(), 6);
        Assert.NotEqual(0, data.GetProperty("snapshots").GetArrayLength());
        Assert.Equal(cohortId, Assert.Single(data.GetProperty("cohorts").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task Erasure_leaves_nothing_to_query_or_export_and_the_audit_log_keeps_no_data()
    {
        var (cohortId, studentId) = (TestTokens.NewId("cohort"), TestTokens.NewId("student"));
        await Admin.AddToCohortAsync(cohortId, studentId);
        await Admin.CalculateAsync(studentId, 0.77, 0.77, 0.77, 0.77);

        var (erased, erasure) = await Admin.SendAsync(HttpMethod.Delete, $"/api/v1/compliance/student/{studentId}");
        var (queried, query) = await Admin.PostAsync("/api/v1/mastery/query", $$"""{"student_id": "{{studentId}}"}""");
        var (_, export) = await Admin.GetJsonAsync($"/api/v1/compliance/export/{studentId}");
        var (_, members) = await Admin.GetJsonAsync($"/api/v1/cohorts/{cohortId}/students");
        var (historyStatus, history) = await Admin.GetJsonAsync($"/api/v1/analytics/history/{studentId}");
        var (audited, audit) = await Admin.GetJsonAsync($"/api/v1/compliance/audit?student_id={studentId}");

        Assert.Equal(HttpStatusCode.OK, erased);
        var kinds = erasure.Path("data.erased_data_kinds").EnumerateArray().Select(kind => kind.GetString()).ToList();
        Assert.NotEmpty(kinds);
        Assert.Equal(HttpStatusCode.NotFound, queried);
        Assert.Equal("student-not-found", query.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Null, export.Path("data.current_mastery").ValueKind);
        Assert.Equal(0, export.Path("data.snapshots").GetArrayLength());
        Assert.Equal(0, export.Path("data.cohorts").GetArrayLength());
        Assert.Equal(0, members.Path("data.students").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, historyStatus);
        Assert.Equal("student-not-found", history.GetProperty("type").GetString());

        Assert.Equal(HttpStatusCode.OK, audited);
        var record = Assert.Single(audit.GetProperty("data").EnumerateArray(), r => r.GetProperty("action").GetString() == "erasure");
        Assert.Equal(erasure.Path("data.audit_id").GetString(), record.GetProperty("audit_id").GetString());
        Assert.Equal(studentId, record.GetProperty("student_id").GetString());
        Assert.Equal("admin_gdpr", record.GetProperty("performed_by").GetString());
        Assert.Equal(kinds, record.GetProperty("data_kinds").EnumerateArray().Select(kind => kind.GetString()));
        Assert.DoesNotContain("0.77", audit.GetRawText());
    }

    [Fact]
    public async Task Student_may_erase_their_own_data()
    {
        var studentId = TestTokens.NewId("student");
        var client = factory.ClientFor(TestTokens.Student(studentId));
        await client.CalculateAsync(studentId, 0.5, 0.5, 0.5, 0.5);

        var (status, _) = await client.SendAsync(HttpMethod.Delete, $"/api/v1/compliance/student/{studentId}");

        Assert.Equal(HttpStatusCode.OK, status);
        var (queried, _) = await client.PostAsync("/api/v1/mastery/query", $$"""{"student_id": "{{studentId}}"}""");
        Assert.Equal(HttpStatusCode.NotFound, queried);
    }

    [Theory]
    [InlineData("GET", "/api/v1/compliance/export/student_b")]
    [InlineData("DELETE", "/api/v1/compliance/student/student_b")]
    public async Task Nobody_but_the_student_and_admins_exports_or_erases(string method, string path)
    {
        var cohortId = TestTokens.NewId("cohort");
        await Admin.AddToCohortAsync(cohortId, "student_b");

        foreach (var token in new[] { TestTokens.Student("student_a"), TestTokens.Teacher("teacher_1", cohortId) })
        {
            using var response = await factory.ClientFor(token).SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

            await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        }
    }

    [Theory]
    [InlineData("?month=2026-13")]
    [InlineData("?month=november")]
    [InlineData("?student_id=a%20b")]
    public async Task Audit_log_query_with_a_bad_month_or_student_id_is_a_400_problem(string query)
    {
        using var response = await Admin.GetAsync($"/api/v1/compliance/audit{query}");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
