namespace MasteryEngine.Grains;

public sealed record MasteryHistory(
    string StudentId,
    int Days,
    IReadOnlyList<MasterySnapshot> Snapshots,
    double? Average,
    MasteryTrend Trend);
