namespace MasteryEngine.Grains;

/// <summary>The members of one cohort (student ids), in the order they joined.</summary>
public sealed class CohortState
{
    public List<string> Students { get; set; } = [];
}
