using System.Net;
using System.Text.Json;
using MasteryEngine.Gateway.Apis;
using MasteryEngine.Gateway.Tests.Infrastructure;
using MasteryEngine.Grains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Gateway.Tests;

/// <summary>A gateway keeping audit records 30 days.</summary>
public sealed class AuditRetentionGatewayFactory() : GatewayFactory("Development", new Dictionary<string, string?>
{
    ["AUDIT_RETENTION_DAYS"] = "30",
});

/// <summary>The audit log is read in pages (<c>limit</c>, an opaque <c>cursor</c>) and its retention is a setting.</summary>
public sealed class ComplianceAuditPagingTests(AuditRetentionGatewayFactory factory) : IClassFixture<AuditRetentionGatewayFactory>
{
    private HttpClient Admin => factory.ClientFor(TestTokens.Admin("admin_pages"));

    private async Task<List<string>> ExportTimesAsync(string studentId, int times)
    {
        var client = factory.ClientFor(TestTokens.Student(studentId));
        await client.CalculateAsync(studentId, 0.5, 0.5, 0.5, 0.5);
        for (var i = 0; i < times; i++)
        {
            var (status, _) = await client.GetJsonAsync($"/api/v1/compliance/export/{studentId}");
            Assert.Equal(HttpStatusCode.OK, status);
        }

        var (_, all) = await Admin.GetJsonAsync($"/api/v1/compliance/audit?student_id={studentId}&limit=1000");
        return [.. all.GetProperty("data").EnumerateArray().Select(record => record.GetProperty("audit_id").GetString()!)];
    }

    private static List<string> AuditIds(JsonElement body) =>
        [.. body.GetProperty("data").EnumerateArray().Select(record => record.GetProperty("audit_id").GetString()!)];

    [Fact]
    public async Task A_page_holds_at_most_limit_records_and_next_cursor_walks_through_all_of_them_once()
    {
        var studentId = TestTokens.NewId("student");
        var everything = await ExportTimesAsync(studentId, 7);

        var (firstStatus, first) = await Admin.GetJsonAsync($"/api/v1/compliance/audit?student_id={studentId}&limit=3");
        var (_, second) = await Admin.GetJsonAsync($"/api/v1/compliance/audit?student_id={studentId}&limit=3&cursor={first.GetProperty("next_cursor").GetString()}");
        var (_, third) = await Admin.GetJsonAsync($"/api/v1/compliance/audit?student_id={studentId}&limit=3&cursor={second.GetProperty("next_cursor").GetString()}");

        Assert.Equal(HttpStatusCode.OK, firstStatus);
        Assert.Equal(7, everything.Count);
        Assert.Equal(3, AuditIds(first).Count);
        Assert.Equal(3, AuditIds(second).Count);
        Assert.Single(AuditIds(third));
        Assert.Equal(JsonValueKind.Null, third.GetProperty("next_cursor").ValueKind);
        Assert.Equal(everything, [.. AuditIds(first), .. AuditIds(second), .. AuditIds(third)]);
    }

    [Fact]
    public async Task Records_come_newest_first_and_the_next_page_is_also_linked()
    {
        var studentId = TestTokens.NewId("student");
        var client = factory.ClientFor(TestTokens.Student(studentId));
        await client.CalculateAsync(studentId, 0.5, 0.5, 0.5, 0.5);
        await client.GetJsonAsync($"/api/v1/compliance/export/{studentId}");
        var (_, erasure) = await client.SendAsync(HttpMethod.Delete, $"/api/v1/compliance/student/{studentId}");

        using var response = await Admin.GetAsync($"/api/v1/compliance/audit?student_id={studentId}&limit=1");
        var page = await HttpJson.ReadAsync(response);
        var link = Assert.Single(response.Headers.GetValues("Link"));
        var (_, linked) = await Admin.GetJsonAsync(link[1..link.IndexOf('>', StringComparison.Ordinal)]);

        Assert.Equal(erasure.Path("data.audit_id").GetString(), Assert.Single(AuditIds(page)));
        Assert.EndsWith("; rel=\"next\"", link, StringComparison.Ordinal);
        Assert.Equal("export", Assert.Single(linked.GetProperty("data").EnumerateArray()).GetProperty("action").GetString());
        Assert.Equal(JsonValueKind.Null, linked.GetProperty("next_cursor").ValueKind);
    }

    [Fact]
    public async Task The_whole_log_pages_by_default_instead_of_answering_everything()
    {
        await ExportTimesAsync(TestTokens.NewId("student"), ComplianceApi.DefaultAuditLimit + 1);

        var (status, body) = await Admin.GetJsonAsync("/api/v1/compliance/audit");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(ComplianceApi.DefaultAuditLimit, AuditIds(body).Count);
        Assert.Equal(JsonValueKind.String, body.GetProperty("next_cursor").ValueKind);
    }

    [Fact]
    public async Task Month_still_selects_the_records_of_that_month()
    {
        var studentId = TestTokens.NewId("student");
        var everything = await ExportTimesAsync(studentId, 1);
        var month = DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

        var (_, thisMonth) = await Admin.GetJsonAsync($"/api/v1/compliance/audit?month={month}&student_id={studentId}");
        var (_, longAgo) = await Admin.GetJsonAsync($"/api/v1/compliance/audit?month=2020-01&student_id={studentId}");

        Assert.Equal(everything, AuditIds(thisMonth));
        Assert.Empty(AuditIds(longAgo));
    }

    [Theory]
    [InlineData("month=9999-12")]
    [InlineData("month=0001-01")]
    [InlineData("cursor=YTE6OTIyMzM3MjAzNjg1NDc3NTgwNy05MjIzMzcyMDM2ODU0Nzc1ODA3")]
    [InlineData("cursor=YTE6MC0w&month=2026-11")]
    public async Task Extreme_but_valid_months_and_cursors_are_an_empty_or_partial_page_not_an_error(string query)
    {
        var (status, body) = await Admin.GetJsonAsync($"/api/v1/compliance/audit?{query}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(JsonValueKind.Array, body.GetProperty("data").ValueKind);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=-1", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("limit=2.5", "limit")]
    [InlineData("limit=", "limit")]
    [InlineData("limit=99999999999999999999", "limit")]
    [InlineData("cursor=", "cursor")]
    [InlineData("cursor=garbage!", "cursor")]
    [InlineData("cursor=YWJj", "cursor")]
    [InlineData("cursor=YTE6NQ", "cursor")]
    [InlineData("cursor=YTE6LTEtMA", "cursor")]
    [InlineData("cursor=%00%FF", "cursor")]
    [InlineData("cursor=' OR 1=1 --", "cursor")]
    public async Task A_bad_limit_or_cursor_is_a_400_problem_naming_the_parameter(string query, string field)
    {
        using var response = await Admin.GetAsync($"/api/v1/compliance/audit?{query}");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }

    [Fact]
    public async Task An_overlong_cursor_is_a_400_problem()
    {
        using var response = await Admin.GetAsync($"/api/v1/compliance/audit?cursor={new string('A', 10_000)}");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public void The_retention_setting_is_bound_from_AUDIT_RETENTION_DAYS()
    {
        _ = factory.Server;

        Assert.Equal(30, factory.Services.GetRequiredService<IOptions<ComplianceAuditOptions>>().Value.RetentionDays);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("3651")]
    [InlineData("a year")]
    public void An_invalid_AUDIT_RETENTION_DAYS_stops_start_up_and_names_the_setting(string days)
    {
        using var invalid = new GatewayFactory("Development", new Dictionary<string, string?> { ["AUDIT_RETENTION_DAYS"] = days });

        var failure = Assert.Throws<OptionsValidationException>(() => invalid.CreateClient());

        Assert.Contains("AUDIT_RETENTION_DAYS", failure.Message, StringComparison.Ordinal);
    }
}
