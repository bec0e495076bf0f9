namespace MasteryEngine.Grains;

[GenerateSerializer, Immutable, Alias("mastery.batch-status")]
public sealed record BatchStatus(
    [property: Id(0)] string BatchId,
    [property: Id(1)] string State,
    [property: Id(2)] int Total,
    [property: Id(3)] int Completed,
    [property: Id(4)] int Failed,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] DateTimeOffset? CompletedAt,
    [property: Id(7)] IReadOnlyList<BatchItemResult> Results)
{
    public const string Pending = "pending";
    public const string Processing = "processing";
    public const string Done = "completed";
}
