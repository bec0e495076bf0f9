namespace MasteryEngine.Grains.Domain.Learning;

/// <summary>
/// What one answer does: what the model expected before it (<see cref="Predicted"/>), the student's knowledge of
/// the topic and across topics after it, and the change to send to the item's grain.
/// </summary>
public readonly record struct AnswerOutcome(AnswerPrediction Predicted, TopicKnowledge Topic, TopicKnowledge Overall, ItemDifficultyDelta ItemDelta);
