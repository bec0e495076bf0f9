namespace MasteryEngine.Grains;

/// <summary>One student of a batch and, once processed, its outcome.</summary>
public sealed class BatchEntry
{
    public string StudentId { get; set; } = "";

    /// <summary>The scores to set; null means recalculate from the student's state.</summary>
    public ComponentScores? Components { get; set; }

    public bool Done { get; set; }

    public double? MasteryScore { get; set; }

    public MasteryLevel? Level { get; set; }

    public string? Error { get; set; }
}
