using Microsoft.Extensions.Options;

namespace MasteryEngine.Grains.Domain;

/// <summary>Rejects a mastery configuration the model cannot work with, saying which setting and why.</summary>
public sealed class MasteryOptionsValidator : IValidateOptions<MasteryOptions>
{
    private const double WeightSumTolerance = 1e-9;

    public ValidateOptionsResult Validate(string? name, MasteryOptions options)
    {
        var failures = new List<string>();
        ValidateWeights(options.Weights, failures);
        ValidateThresholds(options.Thresholds, failures);

        if (!(options.EwmaAlpha > 0 && options.EwmaAlpha <= 1))
        {
            failures.Add($"Mastery:EwmaAlpha must be in (0, 1]; got {options.EwmaAlpha}.");
        }

        if (options.ConsistencyWindowDays is < 1 or > MasteryOptions.MaxConsistencyWindowDays)
        {
            failures.Add($"Mastery:ConsistencyWindowDays must be between 1 and {MasteryOptions.MaxConsistencyWindowDays}; got {options.ConsistencyWindowDays}.");
        }

        if (options.RetentionDays < 1)
        {
            failures.Add($"Mastery:RetentionDays ({MasteryOptions.RetentionDaysVariable}) must be at least 1 day; got {options.RetentionDays}.");
        }

        if (options.TrendWindowDays < 2)
        {
            failures.Add($"Mastery:TrendWindowDays must be at least 2 (a slope needs two days); got {options.TrendWindowDays}.");
        }

        if (!(options.TrendDeadBand >= 0 && double.IsFinite(options.TrendDeadBand)))
        {
            failures.Add($"Mastery:TrendDeadBand must be a finite number ≥ 0; got {options.TrendDeadBand}.");
        }

        if (options.PredictionHistoryDays < 3)
        {
            failures.Add($"Mastery:PredictionHistoryDays must be at least 3; got {options.PredictionHistoryDays}.");
        }

        if (options.IdempotencyWindowDays is { } window && (window < 1 || window > options.RetentionDays))
        {
            failures.Add($"Mastery:IdempotencyWindowDays ({MasteryOptions.IdempotencyWindowDaysVariable}) must be between 1 and the retention ({options.RetentionDays} days); got {window}.");
        }

        if (options.MaxTopics < 0)
        {
            failures.Add($"Mastery:MaxTopics must be at least 0; got {options.MaxTopics}.");
        }

        if (!(options.SuccessBandLow >= 0 && options.SuccessBandLow < options.SuccessBandHigh && options.SuccessBandHigh <= 1))
        {
            failures.Add($"Mastery:SuccessBandLow and Mastery:SuccessBandHigh must satisfy 0 ≤ low < high ≤ 1; got {options.SuccessBandLow} and {options.SuccessBandHigh}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateWeights(MasteryWeights weights, List<string> failures)
    {
        (string Name, double Value)[] all =
        [
            ("Completion", weights.Completion),
            ("Quiz", weights.Quiz),
            ("Quality", weights.Quality),
            ("Consistency", weights.Consistency),
        ];

        foreach (var (weightName, value) in all)
        {
            if (!(value >= 0 && value <= 1))
            {
                failures.Add($"Mastery:Weights:{weightName} must be in [0, 1]; got {value}.");
            }
        }

        var sum = all.Sum(w => w.Value);
        if (!(Math.Abs(sum - 1) <= WeightSumTolerance))
        {
            failures.Add($"Mastery:Weights must sum to 1; Completion + Quiz + Quality + Consistency = {sum}.");
        }
    }

    private static void ValidateThresholds(LevelThresholds thresholds, List<string> failures)
    {
        if (!(thresholds.Developing > 0
              && thresholds.Developing < thresholds.Proficient
              && thresholds.Proficient < thresholds.Mastered
              && thresholds.Mastered < 1))
        {
            failures.Add(
                "Mastery:Thresholds must be strictly increasing inside (0, 1): 0 < Developing < Proficient < Mastered < 1; "
                + $"got Developing={thresholds.Developing}, Proficient={thresholds.Proficient}, Mastered={thresholds.Mastered}.");
        }
    }
}
