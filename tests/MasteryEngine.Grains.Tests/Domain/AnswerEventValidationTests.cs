using MasteryEngine.Grains.Domain;

namespace MasteryEngine.Grains.Tests.Domain;

public class AnswerEventValidationTests
{
    [Theory]
    [InlineData("""{"item_id":"q-17","correct":true}""", true, 1.0, null, null)]
    [InlineData("""{"item_id":"q-17","correct":false}""", false, 0.0, null, null)]
    [InlineData("""{"item_id":"q-17","correct":false,"score":0.4}""", false, 0.4, null, null)]
    [InlineData("""{"item_id":"q-17","correct":true,"score":null,"response_time_ms":5300,"attempt":2}""", true, 1.0, 5300, 2)]
    [InlineData("""{"item_id":"q-17","correct":true,"response_time_ms":0,"attempt":1,"hint":"x"}""", true, 1.0, 0, 1)]
    public void A_well_formed_answer_is_observed_with_its_credit(string data, bool correct, double score, int? responseTime, int? attempt)
    {
        var result = LearningEventValidator.Validate(LearningEventValidatorTests.Event("answer", data, topic: "fractions"));

        var answer = Assert.IsType<AnswerObserved>(result.Observation);
        Assert.Equal(new AnswerObserved("q-17", correct, score, responseTime, attempt), answer);
    }

    [Theory]
    [InlineData("""{"correct":true}""")]
    [InlineData("""{"item_id":"","correct":true}""")]
    [InlineData("""{"item_id":"q 17","correct":true}""")]
    [InlineData("""{"item_id":17,"correct":true}""")]
    [InlineData("""{"item_id":"q-17"}""")]
    [InlineData("""{"item_id":"q-17","correct":"true"}""")]
    [InlineData("""{"item_id":"q-17","correct":1}""")]
    [InlineData("""{"item_id":"q-17","correct":true,"score":1.5}""")]
    [InlineData("""{"item_id":"q-17","correct":true,"score":-0.1}""")]
    [InlineData("""{"item_id":"q-17","correct":true,"score":"1"}""")]
    [InlineData("""{"item_id":"q-17","correct":true,"response_time_ms":-1}""")]
    [InlineData("""{"item_id":"q-17","correct":true,"response_time_ms":2.5}""")]
    [InlineData("""{"item_id":"q-17","correct":true,"attempt":0}""")]
    [InlineData("""[]""")]
    public void A_malformed_answer_is_refused_as_invalid_data(string data)
    {
        var result = LearningEventValidator.Validate(LearningEventValidatorTests.Event("answer", data, topic: "fractions"));

        Assert.False(result.IsValid);
        Assert.Equal(LearningEventRejection.InvalidData, result.Rejection.Reason);
    }

    [Fact]
    public void An_answer_without_a_topic_is_refused()
    {
        var result = LearningEventValidator.Validate(LearningEventValidatorTests.Event("answer", """{"item_id":"q-17","correct":true}"""));

        Assert.Equal(LearningEventRejection.InvalidTopic, result.Rejection?.Reason);
    }

    [Fact]
    public void Answer_is_a_known_event_type()
    {
        Assert.Contains("answer", LearningEventTypes.All);
    }
}
