using System.Text.Json;
using MasteryEngine.Gateway.Contracts;
using MasteryEngine.Gateway.Observability;
using MasteryEngine.Gateway.Tests.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Gateway.Tests.Observability;

public sealed class JsonRequestLogTests
{
    private const string Token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzdHVkZW50XzEyMzQ1In0.c2lnbmF0dXJl";

    [Fact]
    public async Task Production_request_log_line_has_the_seeds_fields()
    {
        var capture = new CapturingLoggerProvider();
        await using var app = await StartAsync(capture, new() { ["ENVIRONMENT"] = "production" });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/students/student_12345");
        request.Headers.Add("X-Request-ID", "abc-123-def");
        request.Headers.Add("Authorization", "Bearer " + Token);

        await app.Client.SendAsync(request);

        var line = RequestLines(capture).Single();
        var log = line.RootElement;
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", log.GetProperty("timestamp").GetString());
        Assert.Equal("INFO", log.GetProperty("level").GetString());
        Assert.Equal("abc-123-def", log.GetProperty("correlation_id").GetString());
        Assert.Equal("/api/v1/students/student_12345", log.GetProperty("endpoint").GetString());
        Assert.Equal("student_12345", log.GetProperty("student_id").GetString());
        Assert.Equal(JsonValueKind.Number, log.GetProperty("duration_ms").ValueKind);
        Assert.Equal(200, log.GetProperty("status_code").GetInt32());
        Assert.Equal(32, log.GetProperty("trace_id").GetString()!.Length);
    }

    [Fact]
    public async Task A_student_id_from_the_request_body_is_in_the_log_line()
    {
        var capture = new CapturingLoggerProvider();
        await using var app = await StartAsync(capture, new() { ["ENVIRONMENT"] = "production" });

        await app.Client.PostAsync(new Uri("/api/v1/mastery/query", UriKind.Relative), JsonBody("""{"studentId": "student_12345"}"""));

        var log = RequestLines(capture).Single().RootElement;
        Assert.Equal("/api/v1/mastery/query", log.GetProperty("endpoint").GetString());
        Assert.Equal("student_12345", log.GetProperty("student_id").GetString());
    }

    [Fact]
    public async Task A_malformed_student_id_from_the_body_never_reaches_the_logs()
    {
        var capture = new CapturingLoggerProvider();
        await using var app = await StartAsync(capture, new() { ["ENVIRONMENT"] = "production" });

        await app.Client.PostAsync(new Uri("/api/v1/mastery/query", UriKind.Relative), JsonBody("""{"studentId": "x; DROP TABLE users;--"}"""));

        var log = RequestLines(capture).Single().RootElement;
        Assert.False(log.TryGetProperty("student_id", out _));
        Assert.DoesNotContain(capture.Lines, line => line.Contains("DROP TABLE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tokens_never_reach_the_logs()
    {
        var capture = new CapturingLoggerProvider();
        await using var app = await StartAsync(capture, new() { ["ENVIRONMENT"] = "production", ["LOG_LEVEL"] = "DEBUG" });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/students/student_1");
        request.Headers.Add("Authorization", "Bearer " + Token);

        await app.Client.SendAsync(request);
        app.Services.GetRequiredService<ILogger<JsonRequestLogTests>>()
            .LogWarning("Rejected {Authorization} and header Bearer {Value}", "Bearer " + Token, Token);

        Assert.NotEmpty(capture.Lines);
        Assert.DoesNotContain(capture.Lines, line => line.Contains(Token, StringComparison.Ordinal));
        Assert.Contains(capture.Lines, line => line.Contains("\"Authorization\":\"[REDACTED]\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Json_format_is_off_outside_production()
    {
        await using var app = await StartAsync(new CapturingLoggerProvider(), []);

        var console = app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;

        Assert.NotEqual(JsonLogFormatter.FormatterName, console.FormatterName);
    }

    [Fact]
    public async Task Log_level_error_drops_successful_request_lines()
    {
        var capture = new CapturingLoggerProvider();
        await using var app = await StartAsync(capture, new() { ["ENVIRONMENT"] = "production", ["LOG_LEVEL"] = "ERROR" });

        await app.Client.GetAsync(new Uri("/api/v1/students/student_2", UriKind.Relative));

        Assert.Empty(RequestLines(capture));
    }

    [Fact]
    public async Task An_unknown_log_level_stops_start_up_with_a_clear_message()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            StartAsync(new CapturingLoggerProvider(), new() { ["LOG_LEVEL"] = "LOUD" }));

        Assert.Contains("LOG_LEVEL must be one of", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DEBUG", LogLevel.Debug)]
    [InlineData("info", LogLevel.Information)]
    [InlineData("WARNING", LogLevel.Warning)]
    [InlineData("warn", LogLevel.Warning)]
    [InlineData("ERROR", LogLevel.Error)]
    [InlineData("CRITICAL", LogLevel.Critical)]
    [InlineData("Information", LogLevel.Information)]
    [InlineData("Trace", LogLevel.Trace)]
    public void Log_level_accepts_python_and_dotnet_names(string text, LogLevel expected)
    {
        Assert.True(LogLevelNames.TryParse(text, out var level));
        Assert.Equal(expected, level);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("LOUD")]
    [InlineData("")]
    public void Log_level_rejects_anything_else(string text)
    {
        Assert.False(LogLevelNames.TryParse(text, out _));
    }

    private static async Task<ObservedTestApp> StartAsync(CapturingLoggerProvider capture, Dictionary<string, string?> settings)
    {
        var app = await ObservedTestApp.StartAsync(
            web =>
            {
                web.MapGet("/api/v1/students/{student_id}", (string student_id) => student_id);
                web.MapPost("/api/v1/mastery/query", (MasteryQueryRequest request) => "ok").AddEndpointFilter<LoggedStudentIdFilter>();
            },
            settings,
            capture);
        var formatterName = app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName;
        capture.Formatter = app.Services.GetServices<ConsoleFormatter>().Single(f => f.Name == (formatterName ?? ConsoleFormatterNames.Simple));
        return app;
    }

    private static StringContent JsonBody(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private static List<JsonDocument> RequestLines(CapturingLoggerProvider capture) =>
        [.. capture.Lines.Select(line => JsonDocument.Parse(line))
            .Where(doc => doc.RootElement.TryGetProperty("endpoint", out var endpoint) && endpoint.GetString()!.StartsWith("/api/", StringComparison.Ordinal))];
}
