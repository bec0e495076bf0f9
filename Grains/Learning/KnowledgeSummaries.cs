using MasteryEngine.Grains.Domain.Learning;

namespace MasteryEngine.Grains.Learning;

/// <summary>The learner model's estimates as the contract records.</summary>
public static class KnowledgeSummaries
{
    public static TopicKnowledgeSummary Of(string topic, KnowledgeEstimate estimate) =>
        new(topic, estimate.Knowledge, estimate.Low, estimate.High, estimate.StandardError, estimate.Evidence, estimate.IsTentative);

    public static AnswerPredictionResult Of(string studentId, string itemId, string topic, AnswerPrediction prediction) =>
        new(studentId, itemId, topic, prediction.PCorrect, prediction.Low, prediction.High, prediction.StandardError,
            prediction.Evidence, prediction.Evidence < KnowledgeEstimate.MinimumEvidence);
}
