using System.Collections.Concurrent;
using System.Text.Json;
using MasteryEngine.Grains;
using MasteryEngine.Runtime;
using MasteryEngine.Runtime.Streams;
using MasteryEngine.Silo.Hosting;
using MasteryEngine.Testing;

namespace MasteryEngine.Silo.Tests;

/// <summary>The real mastery grains on the runtime: state through the JSON serializer, events through the streams.</summary>
public sealed class MasteryGrainsOnTheRuntimeTests
{
    [Fact]
    public async Task Student_mastery_survives_deactivation()
    {
        await using var silo = await StartAsync();
        var student = RuntimeTestSilo.NewKey("student");
        var grain = silo.GrainFactory.GetGrain<IStudentMasteryGrain>(student);
        var calculated = await grain.CalculateAsync(new ComponentScores(0.9, 0.8, 0.7, 0.6));

        await silo.Catalog.DeactivateAsync(new GrainId("student", student), DeactivationReason.ApplicationRequested);
        var queried = await grain.QueryAsync();

        Assert.Equal(calculated.MasteryScore, queried.CurrentMastery.MasteryScore, 6);
        Assert.Equal(calculated.Components, queried.CurrentMastery.Components);
    }

    [Fact]
    public async Task A_learning_event_published_for_a_student_reaches_that_students_grain_and_announcements_reach_observers()
    {
        await using var silo = await StartAsync();
        var announcements = new ConcurrentQueue<MasteryDomainEvent>();
        await using var subscription = await silo.Streams.SubscribeAsync<MasteryDomainEvent>(StreamNamespaces.MasteryEvents, (_, announcement, _) =>
        {
            announcements.Enqueue(announcement);
            return Task.CompletedTask;
        });
        var student = RuntimeTestSilo.NewKey("student");
        var quiz = new LearningEvent(LearningEventTypes.Quiz, student, "evt-1", silo.Clock.GetUtcNow(), "algebra", null,
            JsonSerializer.SerializeToElement(new { score = 95, max_score = 100 }));

        await silo.Streams.GetStream<LearningEvent>(new StreamId(StreamNamespaces.LearningEvents, student)).OnNextAsync(quiz);
        await silo.WaitForStreamsAsync();

        var result = await silo.GrainFactory.GetGrain<IStudentMasteryGrain>(student).QueryAsync();
        Assert.Equal(0.95, result.CurrentMastery.Components.Quiz, 6);
        Assert.Empty(silo.Streams.DeadLetters);
        Assert.All(announcements, a => Assert.Equal(student, a.StudentId));
    }

    private static Task<TestSilo> StartAsync() =>
        TestSilo.StartAsync(silo =>
        {
            silo.AddGrains(typeof(StudentMasteryGrain).Assembly);
            silo.Services.AddMasteryGrains();
            silo.AddStreamSubscription<LearningEvent>(StreamNamespaces.LearningEvents,
                (grains, stream, learningEvent, _) => grains.GetGrain<IStudentMasteryGrain>(stream.Key).ApplyEventAsync(learningEvent));
        });
}
