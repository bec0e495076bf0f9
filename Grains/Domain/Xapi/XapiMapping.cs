namespace MasteryEngine.Grains.Domain.Xapi;

/// <summary>
/// What a posted body maps to: a learning event per mapped statement, or the rejections. A body is taken whole
/// or not at all (as an LRS takes a batch), so any rejection means no event.
/// </summary>
public sealed record XapiMapping(IReadOnlyList<LearningEvent> Events, IReadOnlyList<XapiRejection> Rejections)
{
    public bool IsValid => Rejections.Count == 0;
}
