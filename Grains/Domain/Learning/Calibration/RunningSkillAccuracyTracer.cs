namespace MasteryEngine.Grains.Domain.Learning.Calibration;

/// <summary>
/// The weakest baseline, and the seed's own idea of a topic score: the student's running share of correct
/// answers on the skill, starting from the skill's share in the training students (one pseudo-answer).
/// </summary>
public sealed class RunningSkillAccuracyTracer : IKnowledgeTracer
{
    private const double PriorWeight = 1;

    private readonly Dictionary<int, (double Correct, int Answers)> studentSkills = [];
    private double[] skillShare = [];
    private double overallShare = 0.5;

    public string Name => "running per-skill accuracy";

    public void Fit(ResponseLog log, ReadOnlySpan<int> students, CancellationToken cancellationToken)
    {
        var correct = new double[log.TopicIds.Length];
        var answers = new int[log.TopicIds.Length];
        double allCorrect = 0;
        var all = 0;
        foreach (var student in students)
        {
            for (var row = log.StudentStarts[student]; row < log.StudentStarts[student + 1]; row++)
            {
                correct[log.Topics[row]] += log.Scores[row];
                answers[log.Topics[row]]++;
                allCorrect += log.Scores[row];
                all++;
            }
        }

        overallShare = all == 0 ? 0.5 : allCorrect / all;
        skillShare = new double[log.TopicIds.Length];
        for (var k = 0; k < skillShare.Length; k++)
        {
            skillShare[k] = answers[k] == 0 ? overallShare : correct[k] / answers[k];
        }
    }

    public void BeginStudent() => studentSkills.Clear();

    public double PredictThenLearn(ResponseLog log, int row)
    {
        var skill = log.Topics[row];
        var (correct, answers) = studentSkills.GetValueOrDefault(skill);
        var p = (correct + PriorWeight * skillShare[skill]) / (answers + PriorWeight);
        studentSkills[skill] = (correct + log.Scores[row], answers + 1);
        return p;
    }
}
