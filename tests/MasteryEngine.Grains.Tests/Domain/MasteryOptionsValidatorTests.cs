using MasteryEngine.Grains.Domain;

namespace MasteryEngine.Grains.Tests.Domain;

public class MasteryOptionsValidatorTests
{
    public static TheoryData<string, Action<MasteryOptions>, string> InvalidSettings => new()
    {
        { "weights not summing to 1", o => o.Weights.Completion = 0.5, "must sum to 1" },
        { "negative weight", o => { o.Weights.Completion = -0.1; o.Weights.Quiz = 0.8; }, "Weights:Completion must be in [0, 1]" },
        { "weight above 1", o => { o.Weights.Completion = 1.2; o.Weights.Quiz = -0.5; }, "Weights:Completion must be in [0, 1]" },
        { "thresholds not increasing", o => o.Thresholds.Proficient = 0.3, "strictly increasing" },
        { "threshold at 1", o => o.Thresholds.Mastered = 1, "strictly increasing" },
        { "threshold at 0", o => o.Thresholds.Developing = 0, "strictly increasing" },
        { "alpha 0", o => o.EwmaAlpha = 0, "EwmaAlpha" },
        { "alpha above 1", o => o.EwmaAlpha = 1.5, "EwmaAlpha" },
        { "consistency window 0", o => o.ConsistencyWindowDays = 0, "ConsistencyWindowDays" },
        { "consistency window beyond the activity log", o => o.ConsistencyWindowDays = 65, "ConsistencyWindowDays" },
        { "retention 0", o => o.RetentionDays = 0, "GDPR_RETENTION_DAYS" },
        { "trend window 1", o => o.TrendWindowDays = 1, "TrendWindowDays" },
        { "negative dead band", o => o.TrendDeadBand = -0.01, "TrendDeadBand" },
        { "prediction history 2", o => o.PredictionHistoryDays = 2, "PredictionHistoryDays" },
        { "no idempotency window", o => o.IdempotencyWindowDays = 0, "IdempotencyWindowDays" },
        { "idempotency window beyond retention", o => o.IdempotencyWindowDays = o.RetentionDays + 1, "IdempotencyWindowDays" },
        { "negative topic cap", o => o.MaxTopics = -1, "MaxTopics" },
        { "success band upside down", o => (o.SuccessBandLow, o.SuccessBandHigh) = (0.8, 0.6), "SuccessBandLow" },
        { "success band beyond 1", o => o.SuccessBandHigh = 1.2, "SuccessBandHigh" },
    };

    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(new MasteryOptionsValidator().Validate(null, new MasteryOptions()).Succeeded);
    }

    [Fact]
    public void Weights_summing_to_1_within_rounding_are_accepted()
    {
        var options = new MasteryOptions { Weights = { Completion = 0.1, Quiz = 0.2, Quality = 0.3, Consistency = 0.4 } };

        Assert.True(new MasteryOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void Invalid_settings_are_refused_with_a_message_naming_them(string because, Action<MasteryOptions> change, string expectedMessage)
    {
        var options = new MasteryOptions();
        change(options);

        var result = new MasteryOptionsValidator().Validate(null, options);

        Assert.True(result.Failed, because);
        Assert.Contains(expectedMessage, result.FailureMessage, StringComparison.Ordinal);
    }
}
