namespace MasteryEngine.Grains.Domain.Learning.Calibration;

/// <summary>
/// A response log held column-wise (a few hundred thousand rows fit in a few MB): row r is student
/// <c>Students[r]</c> answering item <c>Items[r]</c> of topic <c>Topics[r]</c> with <c>Scores[r]</c> in [0, 1] at
/// <c>Times[r]</c>. Rows are grouped by student, each student's rows in the order they happened: student s owns
/// rows <c>StudentStarts[s]</c> to <c>StudentStarts[s + 1]</c> (exclusive).
/// </summary>
public sealed class ResponseLog
{
    public required int[] Students { get; init; }

    public required int[] Items { get; init; }

    public required int[] Topics { get; init; }

    public required double[] Scores { get; init; }

    public required DateTimeOffset[] Times { get; init; }

    public required int[] StudentStarts { get; init; }

    public required string[] StudentIds { get; init; }

    public required string[] ItemIds { get; init; }

    public required string[] TopicIds { get; init; }

    public int Rows => Scores.Length;

    public int StudentCount => StudentIds.Length;
}
