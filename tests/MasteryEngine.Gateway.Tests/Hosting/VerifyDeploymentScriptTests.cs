using System.Diagnostics;
using MasteryEngine.Gateway.Tests.Infrastructure;
using MasteryEngine.Testing;

namespace MasteryEngine.Gateway.Tests.Hosting;

/// <summary>
/// <c>scripts/verify-deployment.sh</c> against a real gateway process (Production, rate limiting on, its own port):
/// every check of the deployment checklist passes, and a check that should fail does.
/// </summary>
public sealed class VerifyDeploymentScriptTests
{
    [Fact]
    public async Task Every_check_passes_against_a_healthy_gateway_and_a_wrong_secret_fails_them()
    {
        await using var gateway = await GatewayProcess.StartAsync(new Dictionary<string, string>
        {
            ["JWT_SECRET"] = TestTokens.Secret,
            ["RATE_LIMIT_ENABLED"] = "true",
        });

        var (exitCode, output) = await RunScriptAsync(gateway.BaseAddress, TestTokens.Secret);

        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("FAIL", output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^3\d passed, 0 failed$", output);
        Assert.Contains("PASS  Rate limiting: 60 rapid requests", output, StringComparison.Ordinal);

        var (wrongExit, wrongOutput) = await RunScriptAsync(gateway.BaseAddress, "a-different-secret-of-at-least-32-bytes!!");
        Assert.Equal(1, wrongExit);
        Assert.Contains("FAIL  Calculate", wrongOutput, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunScriptAsync(Uri baseAddress, string secret)
    {
        var info = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot(), "scripts", "verify-deployment.sh"), baseAddress.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["ADMIN_TOKEN"] = TestTokens.Create(new() { ["sub"] = "verify_admin", ["roles"] = new[] { "admin" } }, secret);
        info.Environment["STUDENT_TOKEN"] = TestTokens.Create(new() { ["sub"] = "verify_student", ["roles"] = new[] { "student" } }, secret);
        info.Environment["TEACHER_TOKEN"] = TestTokens.Create(
            new() { ["sub"] = "verify_teacher", ["roles"] = new[] { "teacher" }, ["cohorts"] = new[] { "verify_cohort" } }, secret);
        // Latency budgets are the seeds' in production; a loaded test machine gets generous ones.
        foreach (var budget in new[] { "HEALTH_MS", "READY_MS", "QUERY_MS", "BATCH_MS" })
        {
            info.Environment[budget] = "30000";
        }

        // "/" is limited on every branch; the checklist's /health once issue 13's per-route limit is merged.
        info.Environment["RATE_LIMIT_PATH"] = "/";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MasteryEngine.Orleans.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("MasteryEngine.Orleans.sln not found above " + AppContext.BaseDirectory);
    }
}
