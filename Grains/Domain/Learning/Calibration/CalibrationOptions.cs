namespace MasteryEngine.Grains.Domain.Learning.Calibration;

/// <summary>
/// How the model is fitted: <paramref name="Epochs"/> passes of AdaGrad over the students' answer sequences,
/// replayed in order so every answer is fitted from the state the model itself would have had before it.
/// The prior variances and the half-life are not fitted (the public logs carry no time signal); they are the
/// model's hyper-parameters, chosen by cross-validation and recorded in the parameter file.
/// </summary>
/// <param name="TopicWeightPriorVariance">L2 prior on a topic's bias and on how far its PFA weights may stray from the shared ones.</param>
public sealed record CalibrationOptions(
    int Epochs = 8,
    double LearningRate = 0.1,
    double TopicWeightPriorVariance = 1,
    double TopicAbilityPriorVariance = 0.3,
    double OverallAbilityPriorVariance = 0.1,
    double ItemPriorVariance = 1,
    double HalfLifeDays = 60,
    double AbilityMemory = 20,
    int Seed = 17);
