using MasteryEngine.ReviewAgent.Contracts;

namespace MasteryEngine.ReviewAgent.Feed;

/// <summary>Hands a quality event to the Mastery Engine: over Kafka when it is on, else over its HTTP API.</summary>
public interface IQualityEventSink
{
    /// <summary><c>kafka</c> or <c>http</c>.</summary>
    string Via { get; }

    /// <exception cref="QualityEventNotDeliveredException">It was not accepted; sending it again is safe.</exception>
    Task SendAsync(QualityLearningEvent learningEvent, CancellationToken cancellationToken);
}
