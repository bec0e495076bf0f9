namespace MasteryEngine.Grains;

/// <summary>Who may read a batch: its creator (null for a batch started without one), and every student it names.</summary>
public sealed record BatchAccess(string? CreatedBy, IReadOnlyList<string> StudentIds);
