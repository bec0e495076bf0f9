namespace MasteryEngine.Grains.Domain.Learning.Calibration;

/// <summary>
/// A model under evaluation: fitted on some students, then it predicts each answer of a new student before
/// seeing it and learns from it after. The learner model and the two baselines it is compared with implement it.
/// </summary>
public interface IKnowledgeTracer
{
    string Name { get; }

    void Fit(ResponseLog log, ReadOnlySpan<int> students, CancellationToken cancellationToken);

    /// <summary>Forgets the previous student: the next rows belong to someone new.</summary>
    void BeginStudent();

    /// <returns>P(correct) for the row, computed before its answer was learned from.</returns>
    double PredictThenLearn(ResponseLog log, int row);
}
