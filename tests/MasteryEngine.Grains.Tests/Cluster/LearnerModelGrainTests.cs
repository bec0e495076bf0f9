using MasteryEngine.Grains.Domain.Learning;

namespace MasteryEngine.Grains.Tests.Cluster;

[Collection(MasteryClusterCollection.Name)]
public sealed class LearnerModelGrainTests(MasteryClusterFixture fixture)
{
    private static readonly LearnerModel Model = new(LearnerModelParameters.Default);

    [Fact]
    public async Task An_answer_reports_the_prediction_made_before_it_and_the_knowledge_after_it()
    {
        var key = MasteryClusterFixture.NewKey("student");
        var item = MasteryClusterFixture.NewKey("item");
        var student = fixture.Client.GetGrain<IStudentMasteryGrain>(key);
        var expectedFirst = Model.Predict(TopicKnowledge.None, TopicKnowledge.None, ItemParameters.Unseen, LearnerModelParameters.Default.DefaultTopic, DateTimeOffset.UtcNow).PCorrect;

        var first = await student.ApplyEventAsync(LearningEvents.Answer(key, "a-1", "algebra", item, correct: true));
        var second = await student.ApplyEventAsync(LearningEvents.Answer(key, "a-2", "algebra", MasteryClusterFixture.NewKey("item"), correct: true));

        Assert.Equal(expectedFirst, first.PredictedCorrect!.Value, 9);
        Assert.True(second.PredictedCorrect > first.PredictedCorrect, "a correct answer raises the next prediction");
        Assert.Equal("algebra", second.Knowledge!.Topic);
        Assert.Equal(2, second.Knowledge.Evidence);
        Assert.True(second.Knowledge.LittleEvidence);
        Assert.True(second.Knowledge.Knowledge > first.Knowledge!.Knowledge);
        Assert.InRange(second.Knowledge.Knowledge, second.Knowledge.KnowledgeLow, second.Knowledge.KnowledgeHigh);
    }

    [Fact]
    public async Task Answers_move_the_quiz_component_and_the_topic_knowledge_survives_a_new_activation()
    {
        var key = MasteryClusterFixture.NewKey("student");
        var student = fixture.Client.GetGrain<IStudentMasteryGrain>(key);
        for (var i = 0; i < 6; i++)
        {
            await student.ApplyEventAsync(LearningEvents.Answer(key, $"a-{i}", "fractions", MasteryClusterFixture.NewKey("item"), correct: i != 0));
        }

        var before = await student.QueryAsync();
        await fixture.Cluster.DeactivateAsync(student);
        var after = await student.QueryAsync();

        var topic = Assert.Single(after.Topics);
        Assert.True(topic.Components.Quiz > 0.5, "five of six correct answers raise the quiz component");
        Assert.True(after.CurrentMastery.Components.Quiz > 0.5);
        Assert.Equal(6, topic.Knowledge!.Evidence);
        Assert.False(topic.Knowledge.LittleEvidence);
        // Only the decay of the milliseconds between the two reads may tell them apart.
        Assert.Equal(before.Topics[0].Knowledge!.Knowledge, topic.Knowledge.Knowledge, 6);
    }

    [Fact]
    public async Task A_repeated_answer_is_not_learned_twice()
    {
        var key = MasteryClusterFixture.NewKey("student");
        var item = MasteryClusterFixture.NewKey("item");
        var student = fixture.Client.GetGrain<IStudentMasteryGrain>(key);

        await student.ApplyEventAsync(LearningEvents.Answer(key, "a-1", "algebra", item, correct: true));
        var repeat = await student.ApplyEventAsync(LearningEvents.Answer(key, "a-1", "algebra", item, correct: true));

        Assert.False(repeat.Applied);
        Assert.Null(repeat.PredictedCorrect);
        Assert.Equal(1, (await student.QueryAsync()).Topics[0].Knowledge!.Evidence);
    }

    [Fact]
    public async Task An_item_learns_its_difficulty_across_students_and_predictions_follow_it()
    {
        var hard = MasteryClusterFixture.NewKey("item");
        var fresh = MasteryClusterFixture.NewKey("item");
        const int students = 12;
        await Task.WhenAll(Enumerable.Range(0, students).Select(async i =>
        {
            var key = MasteryClusterFixture.NewKey("student");
            await fixture.Client.GetGrain<IStudentMasteryGrain>(key).ApplyEventAsync(LearningEvents.Answer(key, "a-1", "algebra", hard, correct: false));
        }));

        var itemGrain = fixture.Client.GetGrain<IItemGrain>(hard);
        var estimate = await itemGrain.GetAsync();
        for (var attempt = 0; estimate.Responses < students && attempt < 100; attempt++)
        {
            // The changes are one-way: they arrive soon after the answers, not with them.
            await Task.Delay(50);
            estimate = await itemGrain.GetAsync();
        }

        var newcomer = MasteryClusterFixture.NewKey("student");
        var grain = fixture.Client.GetGrain<IStudentMasteryGrain>(newcomer);
        var onHard = await grain.PredictAnswerAsync(hard, "algebra");
        var onFresh = await grain.PredictAnswerAsync(fresh, "algebra");

        Assert.Equal(students, estimate.Responses);
        Assert.True(estimate.Difficulty > 0, "wrong answers make an item harder");
        Assert.True(onHard.PCorrect < onFresh.PCorrect, "a harder item is predicted less likely correct");
        Assert.True(onHard.PCorrectLow < onHard.PCorrect && onHard.PCorrect < onHard.PCorrectHigh);
        Assert.Equal(0, onHard.Evidence);
        Assert.True(onHard.LittleEvidence);
    }

    [Fact]
    public async Task Erasure_names_and_removes_the_learner_knowledge()
    {
        var key = MasteryClusterFixture.NewKey("student");
        var student = fixture.Client.GetGrain<IStudentMasteryGrain>(key);
        await student.ApplyEventAsync(LearningEvents.Answer(key, "a-1", "algebra", MasteryClusterFixture.NewKey("item"), correct: true));

        var export = await student.ExportAsync();
        var report = await student.EraseAsync();
        var after = await student.QueryAsync();

        Assert.Equal(1, Assert.Single(export.Topics).Knowledge!.Evidence);
        Assert.NotNull(report);
        Assert.Contains(ErasedDataKinds.Knowledge, report.ErasedDataKinds);
        Assert.Empty(after.Topics);
        Assert.False(await student.HasDataAsync());
    }
}
