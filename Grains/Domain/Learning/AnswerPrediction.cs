namespace MasteryEngine.Grains.Domain.Learning;

/// <summary>
/// P(correct) for one item with its uncertainty: the logit, its standard error (student and item uncertainty
/// together) and how many of the student's answers on the topic it rests on. The 95% interval is computed when
/// asked for, so the hot path pays only for the probability.
/// </summary>
public readonly record struct AnswerPrediction(double Logit, double StandardError, int Evidence)
{
    private const double Z95 = 1.959964;

    public double PCorrect => LearnerLogit.Probability(Logit);

    public double Low => LearnerLogit.Probability(Logit - Z95 * StandardError);

    public double High => LearnerLogit.Probability(Logit + Z95 * StandardError);
}
