namespace MasteryEngine.Grains.Domain.Learning;

/// <summary>The ranges a parameter file must respect so every prediction is a finite probability.</summary>
public static class LearnerModelParametersValidator
{
    /// <returns>What is wrong, or null when the parameters are usable.</returns>
    public static string? Problem(LearnerModelParameters parameters)
    {
        if (!AllFinite(parameters.Intercept, parameters.OverallSuccessWeight, parameters.OverallFailureWeight))
        {
            return "intercept and overall weights must be finite numbers.";
        }

        if (!Positive(parameters.TopicAbilityPriorVariance) || !Positive(parameters.OverallAbilityPriorVariance) || !Positive(parameters.ItemPriorVariance))
        {
            return "prior variances must be finite and greater than 0.";
        }

        if (!Positive(parameters.HalfLifeDays))
        {
            return "half_life_days must be finite and greater than 0.";
        }

        if (!double.IsFinite(parameters.AbilityMemory) || parameters.AbilityMemory < 1)
        {
            return "ability_memory must be a finite number ≥ 1.";
        }

        if (parameters.DefaultTopic is null || parameters.Topics is null || parameters.Items is null)
        {
            return "default_topic, topics and items are required.";
        }

        if (!Valid(parameters.DefaultTopic))
        {
            return "default_topic has a value that is not a finite number.";
        }

        foreach (var (name, topic) in parameters.Topics)
        {
            if (topic is null || !Valid(topic))
            {
                return $"topic '{name}' has a value that is not a finite number.";
            }
        }

        foreach (var (name, item) in parameters.Items)
        {
            if (item is null || !double.IsFinite(item.Difficulty) || !double.IsFinite(item.Information) || item.Information < 0 || item.Responses < 0)
            {
                return $"item '{name}' needs a finite difficulty, information ≥ 0 and responses ≥ 0.";
            }
        }

        return null;
    }

    private static bool Valid(TopicParameters topic) =>
        AllFinite(topic.Bias, topic.SuccessWeight, topic.FailureWeight) && topic.Responses >= 0;

    private static bool AllFinite(double a, double b, double c) => double.IsFinite(a) && double.IsFinite(b) && double.IsFinite(c);

    private static bool Positive(double value) => double.IsFinite(value) && value > 0;
}
