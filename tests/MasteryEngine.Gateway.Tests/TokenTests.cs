using System.Net;
using MasteryEngine.Gateway.Options;
using MasteryEngine.Gateway.Security;
using MasteryEngine.Gateway.Tests.Infrastructure;
using MasteryEngine.Testing;
using Microsoft.AspNetCore.Builder;

namespace MasteryEngine.Gateway.Tests;

public sealed class TokenTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private static TokenIssuer Issuer(TimeProvider? time = null) =>
        new(new JwtOptions { Secret = TestTokens.Secret }, time ?? TimeProvider.System);

    [Fact]
    public async Task Issued_teacher_token_carries_role_and_cohorts_the_gateway_honours()
    {
        var (cohortId, studentId) = (TestTokens.NewId("cohort"), TestTokens.NewId("student"));
        await factory.ClientFor(TestTokens.Admin()).AddToCohortAsync(cohortId, studentId);
        await factory.ClientFor(TestTokens.Admin()).CalculateAsync(studentId, 0.5, 0.5, 0.5, 0.5);
        var token = Issuer().Issue("teacher_cli", [MasteryRoles.Teacher], [cohortId], TimeSpan.FromMinutes(5));

        var (status, _) = await factory.ClientFor(token).PostAsync("/api/v1/mastery/query", $$"""{"student_id": "{{studentId}}"}""");

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Issued_token_stops_working_when_it_expires()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow.AddHours(-2));
        var token = Issuer(clock).Issue("student_cli", [MasteryRoles.Student], [], TimeSpan.FromMinutes(60));

        using var response = await factory.ClientFor(token).PostJsonAsync("/api/v1/mastery/query", """{"student_id": "student_cli"}""");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}

[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;

[Collection(nameof(ConsoleCollection))]
public sealed class TokenCommandTests
{
    [Fact]
    public void Token_command_prints_a_token_signed_with_the_configured_secret()
    {
        var output = new StringWriter();
        var original = Console.Out;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration["JWT_SECRET"] = TestTokens.Secret;
        Console.SetOut(output);
        int exitCode;
        try
        {
            exitCode = TokenCommand.Run(["token", "--sub", "student_12345", "--role", "student", "--cohorts", "c1,c2", "--minutes", "5"], builder);
        }
        finally
        {
            Console.SetOut(original);
        }

        Assert.Equal(0, exitCode);
        var token = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(output.ToString().Trim());
        Assert.Equal("student_12345", token.Subject);
        Assert.Equal(["c1", "c2"], token.Claims.Where(c => c.Type == "cohorts").Select(c => c.Value));
        Assert.Equal("HS256", token.Alg);
    }

    [Theory]
    [InlineData("token")]
    [InlineData("token --sub")]
    [InlineData("token --sub s1 --minutes forever")]
    [InlineData("token --sub s1 --colour blue")]
    public void Token_command_with_bad_arguments_exits_with_usage(string commandLine)
    {
        var args = commandLine.Split(' ');
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        int exitCode;
        try
        {
            exitCode = TokenCommand.Run(args);
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.Equal(2, exitCode);
        Assert.Contains("usage: token", error.ToString());
    }
}
