using System.Net;
using MasteryEngine.Gateway.Tests.Infrastructure;

namespace MasteryEngine.Gateway.Tests;

/// <summary>The role matrix: student own/other, teacher in/out of cohort, admin, on every student route.</summary>
public sealed class AccessTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    public static TheoryData<string> StudentPosts => new()
    {
        "/api/v1/mastery/query", "/api/v1/mastery/calculate", "/api/v1/predictions/next-week", "/api/v1/recommendations/adaptive",
    };

    [Theory]
    [MemberData(nameof(StudentPosts))]
    public async Task Student_reads_own_data(string path)
    {
        var studentId = TestTokens.NewId("student");
        await factory.ClientFor(TestTokens.Admin()).CalculateAsync(studentId, 0.5, 0.5, 0.5, 0.5);

        var (status, _) = await factory.ClientFor(TestTokens.Student(studentId)).PostAsync(path, $$"""{"student_id": "{{studentId}}"}""");

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Theory]
    [MemberData(nameof(StudentPosts))]
    public async Task Student_may_not_read_another_students_data(string path)
    {
        using var response = await factory.ClientFor(TestTokens.Student(TestTokens.NewId("student")))
            .PostJsonAsync(path, $$"""{"student_id": "{{TestTokens.NewId("student")}}"}""");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(StudentPosts))]
    public async Task Teacher_reads_a_student_of_their_cohort(string path)
    {
        var (cohortId, studentId) = (TestTokens.NewId("cohort"), TestTokens.NewId("student"));
        await factory.ClientFor(TestTokens.Admin()).AddToCohortAsync(cohortId, studentId);
        await factory.ClientFor(TestTokens.Admin()).CalculateAsync(studentId, 0.5, 0.5, 0.5, 0.5);
        var teacher = factory.ClientFor(TestTokens.Teacher(TestTokens.NewId("teacher"), "other_cohort", cohortId));

        var (status, _) = await teacher.PostAsync(path, $$"""{"student_id": "{{studentId}}"}""");

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Theory]
    [MemberData(nameof(StudentPosts))]
    public async Task Teacher_may_not_read_a_student_outside_their_cohorts(string path)
    {
        var (cohortId, studentId) = (TestTokens.NewId("cohort"), TestTokens.NewId("student"));
        await factory.ClientFor(TestTokens.Admin()).AddToCohortAsync(TestTokens.NewId("cohort"), studentId);
        var teacher = factory.ClientFor(TestTokens.Teacher(TestTokens.NewId("teacher"), cohortId));

        using var response = await teacher.PostJsonAsync(path, $$"""{"student_id": "{{studentId}}"}""");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(StudentPosts))]
    public async Task Admin_reads_any_student(string path)
    {
        var studentId = TestTokens.NewId("student");
        await factory.ClientFor(TestTokens.Admin()).CalculateAsync(studentId, 0.5, 0.5, 0.5, 0.5);

        var (status, _) = await factory.ClientFor(TestTokens.Admin()).PostAsync(path, $$"""{"student_id": "{{studentId}}"}""");

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Token_with_user_id_and_a_single_role_claim_is_understood()
    {
        var studentId = TestTokens.NewId("student");
        var token = TestTokens.Create(new() { ["user_id"] = studentId, ["role"] = "student" });
        await factory.ClientFor(TestTokens.Admin()).CalculateAsync(studentId, 0.5, 0.5, 0.5, 0.5);

        var (status, _) = await factory.ClientFor(token).PostAsync("/api/v1/mastery/query", $$"""{"student_id": "{{studentId}}"}""");

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Token_without_a_known_role_reads_nothing()
    {
        var studentId = TestTokens.NewId("student");
        var token = TestTokens.Create(new() { ["sub"] = studentId, ["roles"] = new[] { "guest" } });

        using var response = await factory.ClientFor(token).PostJsonAsync("/api/v1/mastery/query", $$"""{"student_id": "{{studentId}}"}""");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Teacher_loses_access_when_the_student_leaves_the_cohort()
    {
        var (cohortId, studentId) = (TestTokens.NewId("cohort"), TestTokens.NewId("student"));
        var admin = factory.ClientFor(TestTokens.Admin());
        await admin.AddToCohortAsync(cohortId, studentId);
        var teacher = factory.ClientFor(TestTokens.Teacher(TestTokens.NewId("teacher"), cohortId));

        var (removed, body) = await admin.SendAsync(HttpMethod.Delete, $"/api/v1/cohorts/{cohortId}/students/{studentId}");
        using var response = await teacher.PostJsonAsync("/api/v1/mastery/query", $$"""{"student_id": "{{studentId}}"}""");

        Assert.Equal(HttpStatusCode.OK, removed);
        Assert.False(body.Path("data.member").GetBoolean());
        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Only_admins_change_cohort_membership(string method)
    {
        var cohortId = TestTokens.NewId("cohort");
        var teacher = factory.ClientFor(TestTokens.Teacher(TestTokens.NewId("teacher"), cohortId));

        using var response = await teacher.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/api/v1/cohorts/{cohortId}/students/s1"));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Teacher_lists_the_members_of_their_cohort()
    {
        var (cohortId, studentId) = (TestTokens.NewId("cohort"), TestTokens.NewId("student"));
        await factory.ClientFor(TestTokens.Admin()).AddToCohortAsync(cohortId, studentId);

        var (status, body) = await factory.ClientFor(TestTokens.Teacher("t1", cohortId)).GetJsonAsync($"/api/v1/cohorts/{cohortId}/students");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(studentId, Assert.Single(body.Path("data.students").EnumerateArray()).GetString());
    }
}
