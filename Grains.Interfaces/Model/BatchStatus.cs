namespace MasteryEngine.Grains;

public sealed record BatchStatus(
    string BatchId,
    string State,
    int Total,
    int Completed,
    int Failed,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    IReadOnlyList<BatchItemResult> Results)
{
    public const string Pending = "pending";
    public const string Processing = "processing";
    public const string Done = "completed";
}
