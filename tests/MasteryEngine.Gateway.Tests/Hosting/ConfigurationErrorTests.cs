using System.Diagnostics;
using MasteryEngine.Testing;

namespace MasteryEngine.Gateway.Tests.Hosting;

/// <summary>
/// A bad setting, met as an operator meets it: the real <c>dotnet MasteryEngine.Gateway.dll</c> exits 2 with one
/// line on stderr naming the setting, and no stack trace anywhere.
/// </summary>
public sealed class ConfigurationErrorTests
{
    [Theory]
    [InlineData("JWT_SECRET", "", "JWT_SECRET")]
    [InlineData("JWT_SECRET", "dev-secret", "at least 32")]
    [InlineData("STORAGE_PROVIDER", "postgres", "STORAGE_PROVIDER")]
    [InlineData("GDPR_RETENTION_DAYS", "ninety", "GDPR_RETENTION_DAYS")]
    [InlineData("PUBLIC_BASE_URL", "ftp://mastery.example.org", "PUBLIC_BASE_URL")]
    [InlineData("Milestones__PublishTimeout", "00:00:05", "Milestones:PublishTimeout")]
    public async Task A_bad_setting_is_one_line_on_stderr_and_exit_code_2(string name, string value, string named)
    {
        var settings = new Dictionary<string, string>
        {
            ["JWT_SECRET"] = "a-production-secret-of-at-least-32-bytes-0123456789",
            ["STORAGE_PROVIDER"] = "memory",
            [name] = value,
        };

        var (exitCode, stdout, stderr) = await RunGatewayAsync([], settings);

        Assert.True(exitCode == 2, $"exit code {exitCode}\nstdout:\n{stdout}\nstderr:\n{stderr}");
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(named, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_command_refuses_an_unknown_role()
    {
        var (exitCode, stdout, stderr) = await RunGatewayAsync(["token", "--sub", "ops", "--role", "superuser"], new Dictionary<string, string>());

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout.Trim());
        Assert.Contains("superuser", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunGatewayAsync(string[] arguments, IReadOnlyDictionary<string, string> settings)
    {
        var info = DotnetProcess.StartInfo(Path.Combine(AppContext.BaseDirectory, "MasteryEngine.Gateway.dll"), arguments);

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        info.Environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = "";
        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The gateway did not exit on its bad setting within 60 s:\n" + await stdout);
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
