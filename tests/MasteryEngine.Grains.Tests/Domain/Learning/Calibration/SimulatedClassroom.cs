using System.Globalization;
using System.Text;

namespace MasteryEngine.Grains.Tests.Domain.Learning.Calibration;

/// <summary>
/// A seeded population with known truth: each student has a general ability and an ability per topic, learns a
/// little with each answer on a topic, and works through topics in blocks as skill-builder students do; each
/// item has a known difficulty. Produces the response log as TSV, as the public logs are written.
/// </summary>
internal sealed class SimulatedClassroom
{
    public const int Topics = 4;
    public const int ItemsPerTopic = 20;
    private const double LearningPerAnswer = 0.08;
    private const int BlockLength = 15;

    public SimulatedClassroom(int students, int answersPerStudent, int seed)
    {
        var random = new Random(seed);
        ItemDifficulty = new double[Topics * ItemsPerTopic];
        for (var topic = 0; topic < Topics; topic++)
        {
            var topicOffset = Normal(random) * 0.5;
            for (var item = 0; item < ItemsPerTopic; item++)
            {
                ItemDifficulty[topic * ItemsPerTopic + item] = topicOffset + Normal(random);
            }
        }

        var log = new StringBuilder("user_id\titem_id\ttimestamp\tcorrect\tskill_id\n");
        for (var student = 0; student < students; student++)
        {
            var general = Normal(random) * 0.7;
            var topicAbility = new double[Topics];
            for (var topic = 0; topic < Topics; topic++)
            {
                topicAbility[topic] = Normal(random);
            }

            var topicNow = random.Next(Topics);
            for (var answer = 0; answer < answersPerStudent; answer++)
            {
                if (answer % BlockLength == 0)
                {
                    topicNow = random.Next(Topics);
                }

                var item = topicNow * ItemsPerTopic + random.Next(ItemsPerTopic);
                var p = 1 / (1 + Math.Exp(-(general + topicAbility[topicNow] - ItemDifficulty[item])));
                var correct = random.NextDouble() < p ? 1 : 0;
                topicAbility[topicNow] += LearningPerAnswer;
                log.Append(CultureInfo.InvariantCulture, $"s{student}\ti{item}\t0\t{correct}\tk{topicNow}\n");
            }
        }

        Tsv = log.ToString();
    }

    /// <summary>The true difficulty of item <c>i{index}</c>.</summary>
    public double[] ItemDifficulty { get; }

    public string Tsv { get; }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
