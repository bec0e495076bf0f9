namespace MasteryEngine.Grains.Domain.Learning;

/// <summary>
/// An item a student could practise next: the model's P(correct) for it now and how much of the topic's
/// knowledge has decayed since the student last answered on it (0 for a topic never answered).
/// </summary>
public readonly record struct PracticeCandidate(string ItemId, string Topic, double PCorrect, double KnowledgeDecay);
