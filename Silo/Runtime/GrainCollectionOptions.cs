namespace MasteryEngine.Silo.Runtime;

/// <summary>When the silo drops activations (Orleans' <c>GrainCollectionOptions</c>).</summary>
public sealed class GrainCollectionOptions
{
    /// <summary>An activation idle this long is deactivated (reason IdleCollection).</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for; an idle one goes between CollectionAge and CollectionAge + one quantum after its last call.</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Cap on resident activations; above it the least recently used idle ones are deactivated (reason CapacityExceeded). Null: no cap.</summary>
    public int? MaxResidentActivations { get; set; }
}
