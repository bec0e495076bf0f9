namespace MasteryEngine.Runtime.Streams;

/// <summary>A stream: its namespace (e.g. <c>learning-events</c>) and key (e.g. a student id).</summary>
public readonly record struct StreamId(string Namespace, string Key)
{
    public override string ToString() => $"{Namespace}/{Key}";
}
