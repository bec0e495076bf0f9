namespace MasteryEngine.Grains;

public sealed class BatchState
{
    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public List<BatchEntry> Entries { get; set; } = [];
}
