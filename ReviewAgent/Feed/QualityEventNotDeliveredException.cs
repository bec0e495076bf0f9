namespace MasteryEngine.ReviewAgent.Feed;

/// <param name="permanent">The Mastery Engine refused the event itself (4xx): sending it again will not help.</param>
public sealed class QualityEventNotDeliveredException(string message, bool permanent, Exception? inner = null) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
}
