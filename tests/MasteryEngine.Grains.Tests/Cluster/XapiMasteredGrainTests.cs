using System.Collections.Concurrent;
using System.Text.Json;
using MasteryEngine.Grains.Domain.Xapi;
using Orleans.Runtime;
using Orleans.Streams;

namespace MasteryEngine.Grains.Tests.Cluster;

/// <summary>
/// The xAPI <c>mastered</c> statement on the student's milestone stream: once when a topic's knowledge crosses
/// into mastered, never for a topic that does not, and not again for later answers or a repeated one. A level
/// change announced after the answers marks the end of what the answers announced (one stream keeps its order).
/// </summary>
[Collection(MasteryClusterCollection.Name)]
public sealed class XapiMasteredGrainTests(MasteryClusterFixture fixture)
{
    private static readonly ComponentScores Proficient = new(0.85, 0.9, 0.85, 0.82);

    [Fact]
    public async Task A_topic_crossing_into_mastered_emits_one_valid_mastered_statement()
    {
        var key = MasteryClusterFixture.NewKey("student");
        var student = fixture.Client.GetGrain<IStudentMasteryGrain>(key);
        await using var milestones = await MilestoneRecorder.StartAsync(fixture, key);

        string? crossing = null;
        for (var i = 0; crossing is null && i < 200; i++)
        {
            var result = await student.ApplyEventAsync(LearningEvents.Answer(key, $"a-{i}", "fractions", MasteryClusterFixture.NewKey("item"), correct: true));
            crossing = result.Knowledge is { LittleEvidence: false, Knowledge: >= 0.9 } ? result.EventId : null;
        }

        for (var i = 0; i < 10; i++)
        {
            await student.ApplyEventAsync(LearningEvents.Answer(key, $"b-{i}", "fractions", MasteryClusterFixture.NewKey("item"), correct: true));
        }

        var repeat = await student.ApplyEventAsync(LearningEvents.Answer(key, crossing!, "fractions", MasteryClusterFixture.NewKey("item"), correct: true));
        var statements = await milestones.StatementsUntilLevelChangeAsync(student);

        Assert.False(repeat.Applied);
        var emitted = Assert.Single(statements);
        var expectedId = XapiStatementIds.Mastered(key, "fractions", crossing!).ToString("D");
        Assert.Equal((expectedId, "fractions", XapiVerbs.Mastered), (emitted.StatementId, emitted.Topic, emitted.Verb));
        var statement = JsonDocument.Parse(emitted.Statement).RootElement;
        Assert.Equal(expectedId, statement.GetProperty("id").GetString());
        Assert.Equal(XapiVerbs.Mastered, statement.GetProperty("verb").GetProperty("id").GetString());
        Assert.Equal(key, XapiStudentId.Of(statement.GetProperty("actor")).StudentId);
        Assert.Equal("https://mastery-engine.local/topics/fractions", statement.GetProperty("object").GetProperty("id").GetString());
        Assert.True(statement.GetProperty("result").GetProperty("score").GetProperty("scaled").GetDouble() >= 0.9);
        Assert.True(DateTimeOffset.TryParse(statement.GetProperty("timestamp").GetString(), out _));
    }

    [Fact]
    public async Task A_topic_that_is_not_mastered_emits_no_statement()
    {
        var key = MasteryClusterFixture.NewKey("student");
        var student = fixture.Client.GetGrain<IStudentMasteryGrain>(key);
        await using var milestones = await MilestoneRecorder.StartAsync(fixture, key);

        for (var i = 0; i < 30; i++)
        {
            await student.ApplyEventAsync(LearningEvents.Answer(key, $"a-{i}", "fractions", MasteryClusterFixture.NewKey("item"), correct: i % 2 == 0));
        }

        Assert.Empty(await milestones.StatementsUntilLevelChangeAsync(student));
        Assert.True((await student.QueryAsync()).Topics[0].Knowledge!.Knowledge < 0.9);
    }

    private sealed class MilestoneRecorder : IAsyncDisposable
    {
        private readonly ConcurrentQueue<MasteryDomainEvent> received = new();
        private readonly TaskCompletionSource levelChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private StreamSubscriptionHandle<MasteryDomainEvent>? subscription;

        public static async Task<MilestoneRecorder> StartAsync(MasteryClusterFixture fixture, string key)
        {
            var recorder = new MilestoneRecorder();
            var stream = fixture.Client.GetStreamProvider(StreamProviderNames.Mastery)
                .GetStream<MasteryDomainEvent>(StreamId.Create(StreamNamespaces.MasteryEvents, key));
            recorder.subscription = await stream.SubscribeAsync((milestone, _) =>
            {
                recorder.received.Enqueue(milestone);
                if (milestone is MasteryThresholdReached)
                {
                    recorder.levelChanged.TrySetResult();
                }

                return Task.CompletedTask;
            });
            return recorder;
        }

        /// <summary>Changes the level (answers alone leave a student a novice), then returns the statements received before that change.</summary>
        public async Task<List<XapiStatementEmitted>> StatementsUntilLevelChangeAsync(IStudentMasteryGrain student)
        {
            await student.CalculateAsync(Proficient);
            await levelChanged.Task.WaitAsync(TimeSpan.FromSeconds(30));
            return [.. received.TakeWhile(m => m is not MasteryThresholdReached).OfType<XapiStatementEmitted>()];
        }

        public async ValueTask DisposeAsync()
        {
            if (subscription is not null)
            {
                await subscription.UnsubscribeAsync();
            }
        }
    }
}
