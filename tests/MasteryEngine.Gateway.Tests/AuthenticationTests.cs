using System.Net;
using MasteryEngine.Gateway.Tests.Infrastructure;

namespace MasteryEngine.Gateway.Tests;

public sealed class AuthenticationTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    public static TheoryData<string> ProtectedPosts => new()
    {
        "/api/v1/mastery/query", "/mastery/query", "/api/v1/mastery/calculate", "/api/v1/mastery/ingest",
        "/api/v1/predictions/next-week", "/api/v1/recommendations/adaptive", "/api/v1/batch/mastery",
        "/api/v1/process", "/process",
    };

    [Theory]
    [MemberData(nameof(ProtectedPosts))]
    public async Task Data_route_without_a_token_is_a_401_problem(string path)
    {
        using var response = await factory.CreateClient().PostJsonAsync(path, """{"student_id": "test"}""");

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("Authorization: Bearer", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/v1/batch/status/batch_1")]
    [InlineData("/api/v1/analytics/history/student_1")]
    [InlineData("/api/v1/analytics/cohorts/cohort_1")]
    [InlineData("/api/v1/compliance/export/student_1")]
    [InlineData("/api/v1/compliance/audit")]
    public async Task Data_get_without_a_token_is_a_401_problem(string path)
    {
        using var response = await factory.CreateClient().GetAsync(path);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Garbage_token_is_a_401_problem()
    {
        using var response = await factory.ClientFor("invalid_token").PostJsonAsync("/api/v1/process",
            """{"intent": "mastery_calculation", "payload": {"student_id": "test"}}""");

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("invalid", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Token_signed_with_another_secret_is_a_401_problem()
    {
        var token = TestTokens.Create(new() { ["sub"] = "student_x", ["roles"] = new[] { "student" } },
            secret: "some-other-secret-that-is-32-bytes-long!!");

        using var response = await factory.ClientFor(token).PostJsonAsync("/api/v1/mastery/query", """{"student_id": "student_x"}""");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Expired_token_is_a_401_problem_that_says_so()
    {
        var token = TestTokens.Create(new() { ["sub"] = "student_x", ["roles"] = new[] { "student" } },
            expires: DateTime.UtcNow.AddMinutes(-10), notBefore: DateTime.UtcNow.AddMinutes(-30));

        using var response = await factory.ClientFor(token).PostJsonAsync("/api/v1/mastery/query", """{"student_id": "student_x"}""");

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("expired", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Token_without_a_user_is_a_401_problem()
    {
        var token = TestTokens.Create(new() { ["roles"] = new[] { "admin" } });

        using var response = await factory.ClientFor(token).PostJsonAsync("/api/v1/mastery/query", """{"student_id": "student_x"}""");

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("'sub' or 'user_id'", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Unsigned_token_is_a_401_problem()
    {
        var token = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(
            """{"sub":"admin_1","roles":["admin"],"exp":4102444800}""");

        using var response = await factory.ClientFor(token).PostJsonAsync("/api/v1/mastery/query", """{"student_id": "student_x"}""");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Admin_only_route_with_a_student_token_is_a_403_problem()
    {
        using var response = await factory.ClientFor(TestTokens.Student("student_1")).GetAsync("/api/v1/compliance/audit");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
