namespace MasteryEngine.Silo.Hosting;

/// <summary>
/// How the silo runs, from the <c>Silo</c> section and the variables in <see cref="MasterySiloSettings"/>.
/// </summary>
public sealed class MasterySiloOptions
{
    public const string SectionName = "Silo";

    /// <summary>
    /// How long a grain call may take before the caller gets a <see cref="TimeoutException"/>. Orleans' 30 s is
    /// longer than an HTTP client waits; the slowest legitimate call (a state write behind the storage breaker's
    /// timeout, or a cohort's analytics over its members) takes well under a second.
    /// </summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Idle grains are deactivated after this long (Orleans' <c>GrainCollectionOptions.CollectionAge</c>).</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Deactivate idle grains when the process uses more than <see cref="MemoryUsageLimitPercentage"/> of the
    /// memory available to it, until it is back under <see cref="MemoryUsageTargetPercentage"/>. Orleans has no
    /// cap on the number of activations; this is what keeps a large population from exhausting memory.
    /// </summary>
    public bool ActivationSheddingOnMemoryPressure { get; set; } = true;

    public int MemoryUsageLimitPercentage { get; set; } = 80;

    public int MemoryUsageTargetPercentage { get; set; } = 75;

    /// <summary>Silo-to-silo port (Orleans' default 11111).</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port that Orleans clients (sibling services) connect to (Orleans' default 30000).</summary>
    public int GatewayPort { get; set; } = 30000;
}
