using System.Text.Json;
using MasteryEngine.Grains.Domain;
using MasteryEngine.Grains.Domain.Learning;

namespace MasteryEngine.Grains.Tests.Domain.Learning;

public sealed class StudentKnowledgeStateTests
{
    private static readonly LearnerModel Model = new(LearnerModelParameters.Default);
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_learned_knowledge_round_trips_through_the_state_json_and_a_state_without_answers_stores_none()
    {
        var state = Answered(("algebra", true), ("algebra", false), ("geometry", true));
        var empty = new StudentMasteryState();

        var json = JsonSerializer.Serialize(state, MasteryStateJsonContext.Default.StudentMasteryState);
        var read = JsonSerializer.Deserialize(json, MasteryStateJsonContext.Default.StudentMasteryState)!;
        var emptyJson = JsonSerializer.Serialize(empty, MasteryStateJsonContext.Default.StudentMasteryState);

        Assert.Equal(state.Knowledge, read.Knowledge);
        Assert.Equal(state.Topics.Select(t => t.Knowledge), read.Topics.Select(t => t.Knowledge));
        Assert.Equal(3, read.Knowledge!.Value.Evidence);
        Assert.DoesNotContain("Knowledge", emptyJson, StringComparison.Ordinal);
    }

    [Fact]
    public void A_clone_is_independent_of_the_knowledge_learned_afterwards()
    {
        var state = Answered(("algebra", true));
        var clone = state.Clone();

        Learn(clone, "algebra", true);

        Assert.Equal(1, state.Topics[0].Knowledge!.Value.Evidence);
        Assert.Equal(2, clone.Topics[0].Knowledge!.Value.Evidence);
        Assert.Equal(1, state.Knowledge!.Value.Evidence);
    }

    [Theory]
    [InlineData(true, 1.0)]
    [InlineData(false, 0.0)]
    public void An_answer_is_a_one_question_quiz_for_the_seed_components(bool correct, double quiz)
    {
        var state = Answered(("algebra", correct));

        Assert.Equal(quiz, state.Topics[0].Components(StudentMasteryState.DayOf(Now), 7).Quiz, 9);
        Assert.Equal(quiz, state.CurrentComponents(StudentMasteryState.DayOf(Now), new MasteryOptions()).Quiz, 9);
    }

    [Fact]
    public void Knowledge_of_a_topic_never_answered_starts_from_the_knowledge_across_topics()
    {
        var strong = Answered(("algebra", true), ("algebra", true), ("algebra", true));
        var beginner = new StudentMasteryState();

        Assert.True(strong.KnowledgeOf("geometry", Model, Now).Knowledge > beginner.KnowledgeOf("geometry", Model, Now).Knowledge);
        Assert.Equal(0, strong.KnowledgeOf("geometry", Model, Now).Evidence);
    }

    private static StudentMasteryState Answered(params (string Topic, bool Correct)[] answers)
    {
        var state = new StudentMasteryState();
        foreach (var (topic, correct) in answers)
        {
            Learn(state, topic, correct);
        }

        return state;
    }

    private static void Learn(StudentMasteryState state, string topic, bool correct)
    {
        var answer = new AnswerObserved("item-1", correct, correct ? 1 : 0, null, null);
        var learningEvent = new LearningEvent(LearningEventTypes.Answer, "s-1", Guid.NewGuid().ToString("N"), Now, topic, null,
            JsonElement.Parse("""{"item_id": "item-1", "correct": true}"""));
        state.Apply(learningEvent, answer, Now, new MasteryOptions());
        state.Learn(topic, answer, ItemParameters.Unseen, Model, Now);
    }
}
