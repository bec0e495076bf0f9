namespace MasteryEngine.Grains;

/// <summary>Where a grain is active: its silo's name (the pod name in Kubernetes) and the id of that activation.</summary>
[GenerateSerializer, Immutable, Alias("mastery.activation-location.v1")]
public sealed record ActivationLocation([property: Id(0)] string Silo, [property: Id(1)] string ActivationId);
