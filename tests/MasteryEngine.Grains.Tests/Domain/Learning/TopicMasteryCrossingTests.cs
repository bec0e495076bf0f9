using MasteryEngine.Grains.Domain.Learning;

namespace MasteryEngine.Grains.Tests.Domain.Learning;

public sealed class TopicMasteryCrossingTests
{
    [Theory]
    [InlineData(false, 0.91, 12, true, true)]   // enough evidence above the line: crosses
    [InlineData(false, 0.90, 5, true, true)]    // exactly at the line, with the minimum evidence
    [InlineData(false, 0.89, 40, false, false)] // below the line
    [InlineData(false, 0.97, 4, false, false)]  // tentative: too few answers to call it mastered
    [InlineData(true, 0.95, 30, true, false)]   // already mastered: no new crossing
    [InlineData(true, 0.75, 30, true, false)]   // a slip below the line keeps it mastered
    [InlineData(true, 0.69, 30, false, false)]  // below the proficient level: re-armed
    public void A_topic_crosses_into_mastered_once_and_re_arms_only_below_the_proficient_level(
        bool wasMastered, double knowledge, int evidence, bool mastered, bool crossed)
    {
        var estimate = new KnowledgeEstimate(knowledge, knowledge - 0.05, Math.Min(1, knowledge + 0.05), 0.3, evidence);

        Assert.Equal((mastered, crossed), TopicMasteryCrossing.Next(wasMastered, estimate, masteredAt: 0.90, rearmBelow: 0.70));
    }

    [Fact]
    public void Knowledge_that_rises_falls_and_rises_again_crosses_twice()
    {
        double[] path = [0.85, 0.91, 0.95, 0.80, 0.93, 0.60, 0.88, 0.92, 0.96];
        var mastered = false;
        var crossings = new List<int>();
        for (var i = 0; i < path.Length; i++)
        {
            (mastered, var crossed) = TopicMasteryCrossing.Next(mastered, new KnowledgeEstimate(path[i], 0, 1, 0.3, 20), 0.90, 0.70);
            if (crossed)
            {
                crossings.Add(i);
            }
        }

        Assert.Equal([1, 7], crossings);
    }
}
