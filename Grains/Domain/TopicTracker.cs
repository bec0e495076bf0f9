namespace MasteryEngine.Grains.Domain;

/// <summary>The components within one topic (e.g. <c>python.loops</c>), kept beside the overall ones.</summary>
public sealed class TopicTracker : ComponentTracker
{
    public string Name { get; set; } = "";

    public new TopicTracker Clone()
    {
        var copy = new TopicTracker { Name = Name };
        CopyTo(copy);
        return copy;
    }
}
