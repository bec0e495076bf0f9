namespace MasteryEngine.Grains;

/// <summary>Mastery within one topic (e.g. <c>python.loops</c>).</summary>
public sealed record TopicMastery(string Topic, double MasteryScore, MasteryLevel Level, ComponentScores Components);
