namespace MasteryEngine.Grains.Domain.Learning;

/// <summary>
/// What the model knows about a topic (a skill) across all students: how easy it is for a beginner
/// (<paramref name="Bias"/>, on the logit scale) and how much each success and failure on it moves the next
/// answer (<paramref name="SuccessWeight"/>, <paramref name="FailureWeight"/>, applied to ln(1 + count) as in PFA).
/// <paramref name="Responses"/> is how many answers the values were fitted from. No student data.
/// </summary>
public sealed record TopicParameters(double Bias, double SuccessWeight, double FailureWeight, long Responses);
