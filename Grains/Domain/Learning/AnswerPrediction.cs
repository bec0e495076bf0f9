namespace MasteryEngine.Grains.Domain.Learning;

/// <summary>
/// P(correct) for one item, its 95% interval and the standard error on the logit scale (student and item
/// uncertainty together), and how many of the student's answers on the topic it rests on.
/// </summary>
public readonly record struct AnswerPrediction(double PCorrect, double Low, double High, double StandardError, int Evidence);
