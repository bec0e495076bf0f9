namespace MasteryEngine.Grains;

/// <summary>P(correct) for one student on one item of a topic, now, with its 95% interval and evidence.</summary>
[GenerateSerializer, Immutable, Alias("mastery.answer-prediction")]
public sealed record AnswerPredictionResult(
    [property: Id(0)] string StudentId,
    [property: Id(1)] string ItemId,
    [property: Id(2)] string Topic,
    [property: Id(3)] double PCorrect,
    [property: Id(4)] double PCorrectLow,
    [property: Id(5)] double PCorrectHigh,
    [property: Id(6)] double StandardError,
    [property: Id(7)] int Evidence,
    [property: Id(8)] bool LittleEvidence);
