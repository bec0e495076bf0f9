using MasteryEngine.ReviewAgent.Options;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace MasteryEngine.ReviewAgent.Analysis;

/// <summary>
/// Ready when the analysers run in the sandbox: a tiny program is analysed for real (missing packages, a sandbox
/// the host forbids, limits too tight all show here). A success is remembered for a while, since a run costs ~1 s.
/// </summary>
internal sealed class AnalyserHealthCheck(PythonAnalyser analyser, IOptions<SandboxOptions> options, TimeProvider time) : IHealthCheck
{
    public const string Name = "analysers";

    private static readonly TimeSpan RememberSuccess = TimeSpan.FromMinutes(5);

    private DateTimeOffset? lastSuccess;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var isolation = options.Value.Isolation;
        if (lastSuccess is { } success && time.GetUtcNow() - success < RememberSuccess)
        {
            return HealthCheckResult.Healthy($"Analysers run in the sandbox ({isolation}).");
        }

        try
        {
            var report = await analyser.AnalyseAsync("value = 1\n", cancellationToken);
            if (report.SyntaxError)
            {
                return HealthCheckResult.Unhealthy("The analysers report a syntax error in a valid program.");
            }

            lastSuccess = time.GetUtcNow();
            return HealthCheckResult.Healthy($"Analysers run in the sandbox ({isolation}).");
        }
        catch (Exception exception) when (exception is AnalysisFailedException or AnalysisBusyException or System.ComponentModel.Win32Exception or IOException)
        {
            return HealthCheckResult.Unhealthy(
                $"The analysers do not run in the sandbox ({isolation}): {exception.Message} " +
                "Install pylint, pyflakes3, pycodestyle, radon and bubblewrap, or see docs/review-agent-runbook.md.");
        }
    }
}
