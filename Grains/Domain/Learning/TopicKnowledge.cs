namespace MasteryEngine.Grains.Domain.Learning;

/// <summary>
/// One student's knowledge of one topic: the PFA counts of successes and failures (partial credit splits an
/// answer between them), the Elo-style ability residual <paramref name="Ability"/> (logit scale) with the Fisher
/// information behind it, the number of answers seen (<paramref name="Evidence"/>, never decays) and when the last
/// one was seen. Counts, ability and information decay toward the prior as time passes (see
/// <see cref="LearnerModel"/>), so a topic left alone is known less surely.
/// The same record, kept over all of a student's answers, is their knowledge across topics: a student who does
/// well on one topic tends to do well on the next, and that carries it to topics they have not started.
/// </summary>
public readonly record struct TopicKnowledge(
    double Successes,
    double Failures,
    double Ability,
    double Information,
    int Evidence,
    DateTimeOffset? LastAnsweredAt)
{
    public static readonly TopicKnowledge None = new(0, 0, 0, 0, 0, null);
}
