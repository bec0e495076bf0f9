namespace MasteryEngine.Gateway.Contracts;

/// <summary>Either <paramref name="Requests"/> (with components) or <paramref name="StudentIds"/> (recalculate from state).</summary>
/// <param name="Priority">high, normal or low; echoed back (batches run in arrival order).</param>
public sealed record BatchMasteryRequest(IReadOnlyList<BatchRequestItem?>? Requests, IReadOnlyList<string?>? StudentIds, string? Priority);
