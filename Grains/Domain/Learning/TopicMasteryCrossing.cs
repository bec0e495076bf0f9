namespace MasteryEngine.Grains.Domain.Learning;

/// <summary>
/// When a topic counts as mastered for the learner model: its knowledge reaches the mastered level on enough
/// evidence (not <see cref="KnowledgeEstimate.IsTentative"/>). It stays mastered until the knowledge falls below
/// the re-arm level (the proficient threshold), so one slip near the line is not a new crossing and the
/// <c>mastered</c> statement goes out once per crossing, not on every answer above the line.
/// </summary>
public static class TopicMasteryCrossing
{
    /// <returns>Whether the topic is mastered after this estimate, and whether it just became so.</returns>
    public static (bool Mastered, bool Crossed) Next(bool wasMastered, KnowledgeEstimate knowledge, double masteredAt, double rearmBelow)
    {
        if (wasMastered)
        {
            return (knowledge.Knowledge >= rearmBelow, false);
        }

        var crossed = !knowledge.IsTentative && knowledge.Knowledge >= masteredAt;
        return (crossed, crossed);
    }
}
