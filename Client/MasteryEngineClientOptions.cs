namespace MasteryEngine.Client;

/// <summary>
/// Where the Mastery Engine's silos are, bound from the <c>MasteryEngine</c> section and overridden by the same
/// variables the silos read. The service and cluster ids must be the silos' own.
/// </summary>
public sealed class MasteryEngineClientOptions
{
    public const string SectionName = "MasteryEngine";

    /// <summary>The silos' <c>ORLEANS_GATEWAY_PORT</c> (a single local silo; Orleans' default 30000).</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The silos' <c>ORLEANS_SERVICE_ID</c>.</summary>
    public string ServiceId { get; set; } = "mastery-engine";

    /// <summary>The silos' <c>ORLEANS_CLUSTER_ID</c>.</summary>
    public string ClusterId { get; set; } = "local";

    /// <summary>How long a grain call may take before it fails with a <see cref="TimeoutException"/>.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
