namespace MasteryEngine.Grains.Domain.Learning.Calibration;

/// <summary>
/// The plain Elo of adaptive practice systems (Pelánek 2016): one ability per student, one difficulty per item,
/// P = σ(ability − difficulty); the student moves by a constant K, the item by K / (1 + 0.05·n) so its difficulty
/// settles as answers accumulate. Fitted by replaying the training students; items keep learning after.
/// </summary>
public sealed class PlainEloTracer : IKnowledgeTracer
{
    private const double StudentStep = 0.4;
    private const double ItemStep = 1.0;
    private const double ItemStepDecay = 0.05;

    private double[] difficulty = [];
    private int[] answers = [];
    private double ability;

    public string Name => "plain Elo";

    public void Fit(ResponseLog log, ReadOnlySpan<int> students, CancellationToken cancellationToken)
    {
        difficulty = new double[log.ItemIds.Length];
        answers = new int[log.ItemIds.Length];
        foreach (var student in students)
        {
            cancellationToken.ThrowIfCancellationRequested();
            BeginStudent();
            for (var row = log.StudentStarts[student]; row < log.StudentStarts[student + 1]; row++)
            {
                PredictThenLearn(log, row);
            }
        }
    }

    public void BeginStudent() => ability = 0;

    public double PredictThenLearn(ResponseLog log, int row)
    {
        var item = log.Items[row];
        var p = LearnerLogit.Probability(ability - difficulty[item]);
        var surprise = log.Scores[row] - p;
        ability += StudentStep * surprise;
        difficulty[item] -= ItemStep / (1 + ItemStepDecay * answers[item]) * surprise;
        answers[item]++;
        return p;
    }
}
