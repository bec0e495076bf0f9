using MasteryEngine.Grains;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MasteryEngine.Gateway.Infrastructure;

/// <summary>
/// The silo is ready when a grain call makes the round trip: activation (with its state read from storage),
/// a turn, and the answer. The probe's key lies outside the id pattern, so no API call can reach that grain.
/// </summary>
internal sealed class SiloHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public const string Name = "silo";

    private const string ProbeKey = "$readiness";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await grains.GetGrain<ICohortGrain>(ProbeKey).ContainsAsync(ProbeKey).WaitAsync(Timeout, cancellationToken);
            return HealthCheckResult.Healthy("Grain calls are answered.");
        }
        catch (TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"A grain call was not answered within {Timeout.TotalSeconds:0} s.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("A grain call failed: " + exception.Message, exception);
        }
    }
}
