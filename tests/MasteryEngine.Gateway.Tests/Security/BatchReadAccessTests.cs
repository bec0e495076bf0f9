using System.Net;
using MasteryEngine.Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MasteryEngine.Gateway.Tests.Security;

/// <summary>The gateway with its log lines recorded.</summary>
public sealed class LogRecordingGatewayFactory : GatewayFactory
{
    public RecordingLoggerProvider Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(Logs));
    }
}

/// <summary>A batch is readable by its creator, admins, and a teacher whose cohorts hold every student in it; its id never reaches the request log.</summary>
public sealed class BatchReadAccessTests(LogRecordingGatewayFactory factory) : IClassFixture<LogRecordingGatewayFactory>
{
    [Fact]
    public async Task Only_the_creator_admins_and_teachers_of_every_student_read_a_batch()
    {
        var (cohort, otherCohort) = (TestTokens.NewId("cohort"), TestTokens.NewId("cohort"));
        var (student, otherStudent) = (TestTokens.NewId("student"), TestTokens.NewId("student"));
        var admin = factory.ClientFor(TestTokens.Admin());
        await admin.AddToCohortAsync(cohort, student);
        await admin.AddToCohortAsync(otherCohort, otherStudent);
        var creator = factory.ClientFor(TestTokens.Teacher(TestTokens.NewId("teacher"), cohort));
        var (submitted, accepted) = await creator.PostAsync("/api/v1/batch/mastery", $$"""{"student_ids": ["{{student}}"]}""");
        Assert.Equal(HttpStatusCode.Accepted, submitted);
        var statusPath = $"/api/v1/batch/status/{accepted.Path("data.batch_id").GetString()}";

        using var byOtherTeacher = await factory.ClientFor(TestTokens.Teacher(TestTokens.NewId("teacher"), otherCohort)).GetAsync(statusPath);
        using var byCohortlessTeacher = await factory.ClientFor(TestTokens.Teacher(TestTokens.NewId("teacher"))).GetAsync(statusPath);
        var (byCreator, _) = await creator.GetJsonAsync(statusPath);
        var (byAdmin, _) = await admin.GetJsonAsync(statusPath);
        var (byColleague, _) = await factory.ClientFor(TestTokens.Teacher(TestTokens.NewId("teacher"), cohort, otherCohort)).GetJsonAsync(statusPath);

        var problem = await byOtherTeacher.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.DoesNotContain(student, problem.GetRawText(), StringComparison.Ordinal);
        await byCohortlessTeacher.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, byCreator);
        Assert.Equal(HttpStatusCode.OK, byAdmin);
        Assert.Equal(HttpStatusCode.OK, byColleague);
    }

    [Fact]
    public async Task Batch_of_students_from_two_cohorts_is_not_readable_by_the_teacher_of_one()
    {
        var (first, second) = (TestTokens.NewId("cohort"), TestTokens.NewId("cohort"));
        var (a, b) = (TestTokens.NewId("student"), TestTokens.NewId("student"));
        var admin = factory.ClientFor(TestTokens.Admin());
        await admin.AddToCohortAsync(first, a);
        await admin.AddToCohortAsync(second, b);
        var (_, accepted) = await admin.PostAsync("/api/v1/batch/mastery", $$"""{"student_ids": ["{{a}}", "{{b}}"]}""");
        var statusPath = $"/api/v1/batch/status/{accepted.Path("data.batch_id").GetString()}";

        using var byTeacherOfOne = await factory.ClientFor(TestTokens.Teacher(TestTokens.NewId("teacher"), first)).GetAsync(statusPath);

        await byTeacherOfOne.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Batch_ids_never_reach_the_request_log()
    {
        var admin = factory.ClientFor(TestTokens.Admin());
        var (_, accepted) = await admin.PostAsync("/api/v1/batch/mastery", $$"""{"student_ids": ["{{TestTokens.NewId("student")}}"]}""");
        var batchId = accepted.Path("data.batch_id").GetString()!;

        var (status, _) = await admin.GetJsonAsync($"/api/v1/batch/status/{batchId}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(factory.Logs.Lines, line => line.Contains("/api/v1/batch/status/{batch_id}", StringComparison.Ordinal));
        Assert.DoesNotContain(factory.Logs.Lines, line => line.Contains(batchId, StringComparison.Ordinal));
    }
}
