namespace MasteryEngine.Grains.Domain.Learning;

/// <summary>
/// A student's knowledge of a topic: the probability of answering a typical item of the topic correctly now, its
/// 95% interval, the standard error on the logit scale and the evidence (answers on the topic) behind it.
/// <see cref="IsTentative"/> says the estimate still rests on fewer answers than <see cref="MinimumEvidence"/>.
/// </summary>
public readonly record struct KnowledgeEstimate(double Knowledge, double Low, double High, double StandardError, int Evidence)
{
    public const int MinimumEvidence = 5;

    public bool IsTentative => Evidence < MinimumEvidence;
}
