namespace MasteryEngine.Grains;

public sealed class BatchState
{
    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The subject of the token that submitted the batch; null for batches started without one.</summary>
    public string? CreatedBy { get; set; }

    public List<BatchEntry> Entries { get; set; } = [];
}
