using System.Text.Json;
using MasteryEngine.Grains.Domain;

namespace MasteryEngine.Grains.Tests.Domain;

public class LearningEventValidatorTests
{
    [Theory]
    [InlineData("completion", """{"total_exercises":10,"completed_exercises":8,"difficulty":"intermediate"}""")]
    [InlineData("completion", """{"total_exercises":10,"completed_exercises":0}""")]
    [InlineData("completion", """{"total_exercises":1,"completed_exercises":1,"difficulty":null}""")]
    [InlineData("exercise.completed", """{"exercise_id":"ex-42"}""")]
    [InlineData("exercise.completed", """{"exercise_id":"ex-42","total_exercises":12,"score":0.9}""")]
    [InlineData("quiz", """{"score":7.5,"max_score":10}""")]
    [InlineData("quiz", """{"score":0,"max_score":1}""")]
    [InlineData("quality", """{"score":1}""")]
    [InlineData("quality", """{"score":0}""")]
    public void Well_formed_events_are_accepted(string eventType, string data)
    {
        var result = LearningEventValidator.Validate(Event(eventType, data));

        Assert.True(result.IsValid, result.Rejection?.Message);
    }

    [Theory]
    [InlineData("completion", """{"total_exercises":10,"completed_exercises":8}""", typeof(CompletionObserved))]
    [InlineData("exercise.completed", """{"exercise_id":"e1"}""", typeof(ExerciseCompletedObserved))]
    [InlineData("quiz", """{"score":3,"max_score":4}""", typeof(QuizObserved))]
    [InlineData("quality", """{"score":0.5}""", typeof(QualityObserved))]
    public void A_valid_event_yields_the_observation_of_its_type(string eventType, string data, Type observation)
    {
        var result = LearningEventValidator.Validate(Event(eventType, data));

        Assert.IsType(observation, result.Observation);
    }

    [Fact]
    public void A_quiz_is_observed_as_score_over_max_score()
    {
        var result = LearningEventValidator.Validate(Event("quiz", """{"score":3,"max_score":4}"""));

        Assert.Equal(0.75, Assert.IsType<QuizObserved>(result.Observation).Ratio);
    }

    [Theory]
    [InlineData("lesson.started", """{}""", "unknown_event_type")]
    [InlineData("mastery.calculation.requested", """{"score":0.5}""", "unknown_event_type")]
    [InlineData("COMPLETION", """{"total_exercises":10,"completed_exercises":8}""", "unknown_event_type")]
    [InlineData("completion", """[]""", "invalid_data")]
    [InlineData("completion", """null""", "invalid_data")]
    [InlineData("completion", """{"completed_exercises":8}""", "invalid_data")]
    [InlineData("completion", """{"total_exercises":0,"completed_exercises":0}""", "invalid_data")]
    [InlineData("completion", """{"total_exercises":10,"completed_exercises":11}""", "invalid_data")]
    [InlineData("completion", """{"total_exercises":10,"completed_exercises":-1}""", "invalid_data")]
    [InlineData("completion", """{"total_exercises":10.5,"completed_exercises":1}""", "invalid_data")]
    [InlineData("completion", """{"total_exercises":"10","completed_exercises":1}""", "invalid_data")]
    [InlineData("completion", """{"total_exercises":10,"completed_exercises":1,"difficulty":"expert"}""", "invalid_data")]
    [InlineData("completion", """{"total_exercises":1e400,"completed_exercises":1}""", "invalid_data")]
    [InlineData("exercise.completed", """{}""", "invalid_data")]
    [InlineData("exercise.completed", """{"exercise_id":""}""", "invalid_data")]
    [InlineData("exercise.completed", """{"exercise_id":"e1","total_exercises":0}""", "invalid_data")]
    [InlineData("quiz", """{"score":5}""", "invalid_data")]
    [InlineData("quiz", """{"score":5,"max_score":0}""", "invalid_data")]
    [InlineData("quiz", """{"score":-1,"max_score":10}""", "invalid_data")]
    [InlineData("quiz", """{"score":11,"max_score":10}""", "invalid_data")]
    [InlineData("quiz", """{"score":1e400,"max_score":10}""", "invalid_data")]
    [InlineData("quality", """{"score":1.01}""", "invalid_data")]
    [InlineData("quality", """{"score":-0.01}""", "invalid_data")]
    [InlineData("quality", """{"score":"0.5"}""", "invalid_data")]
    public void Malformed_events_are_refused_with_a_reason(string eventType, string data, string reason)
    {
        var result = LearningEventValidator.Validate(Event(eventType, data));

        Assert.False(result.IsValid);
        Assert.Equal(reason, result.Rejection.Reason);
        Assert.False(string.IsNullOrWhiteSpace(result.Rejection.Message));
    }

    [Theory]
    [InlineData("test; DROP TABLE users;--", "e1", null, null, "invalid_student_id")]
    [InlineData("", "e1", null, null, "invalid_student_id")]
    [InlineData("student_1\n", "e1", null, null, "invalid_student_id")]
    [InlineData("student_1", "", null, null, "missing_event_id")]
    [InlineData("student_1", "bad\u0001id", null, null, "invalid_event_id")]
    [InlineData("student_1", "e1", "loops; rm -rf", null, "invalid_topic")]
    [InlineData("student_1", "e1", null, "<script>", "invalid_cohort_id")]
    public void Events_with_unsafe_ids_are_refused(string studentId, string eventId, string? topic, string? cohortId, string reason)
    {
        var learningEvent = Event("quality", """{"score":0.5}""") with { StudentId = studentId, EventId = eventId, Topic = topic, CohortId = cohortId };

        var result = LearningEventValidator.Validate(learningEvent);

        Assert.Equal(reason, result.Rejection?.Reason);
    }

    [Fact]
    public void An_event_id_longer_than_128_characters_is_refused()
    {
        var learningEvent = Event("quality", """{"score":0.5}""") with { EventId = new string('e', 129) };

        Assert.Equal(LearningEventRejection.InvalidEventId, LearningEventValidator.Validate(learningEvent).Rejection?.Reason);
    }

    [Fact]
    public void The_unknown_type_message_lists_the_valid_types()
    {
        var result = LearningEventValidator.Validate(Event("lesson.started", "{}"));

        Assert.All(LearningEventTypes.All, type => Assert.Contains(type, result.Rejection!.Message, StringComparison.Ordinal));
    }

    internal static LearningEvent Event(string eventType, string data, string studentId = "student_1", string eventId = "evt-1", string? topic = null) =>
        new(eventType, studentId, eventId, new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero), topic, null, JsonDocument.Parse(data).RootElement.Clone());
}
