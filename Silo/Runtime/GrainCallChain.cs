namespace MasteryEngine.Silo.Runtime;

/// <summary>
/// The grain turns the current asynchronous flow is running inside, innermost first. It flows with the
/// <see cref="ExecutionContext"/>, so a call made from inside a grain method knows which grains are waiting on it.
/// </summary>
internal sealed class GrainCallChain(GrainId grainId, GrainCallChain? caller)
{
    private static readonly AsyncLocal<GrainCallChain?> CurrentLink = new();

    private volatile bool completed;

    public static GrainCallChain? Current
    {
        get => CurrentLink.Value;
        set => CurrentLink.Value = value;
    }

    public GrainId GrainId { get; } = grainId;

    public GrainCallChain? Caller { get; } = caller;

    /// <summary>
    /// Marks the turn as over. Work the grain started without awaiting keeps this link in its context, but a
    /// finished turn waits for nothing, so it can no longer take part in a cycle.
    /// </summary>
    public void Complete() => completed = true;

    public bool Contains(GrainId grainId)
    {
        for (var link = this; link is not null; link = link.Caller)
        {
            if (!link.completed && link.GrainId == grainId)
            {
                return true;
            }
        }

        return false;
    }

    public IReadOnlyList<GrainId> ToList()
    {
        var ids = new List<GrainId>();
        for (var link = this; link is not null; link = link.Caller)
        {
            if (!link.completed)
            {
                ids.Add(link.GrainId);
            }
        }

        ids.Reverse();
        return ids;
    }
}
