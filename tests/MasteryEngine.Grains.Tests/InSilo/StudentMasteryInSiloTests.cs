using System.Collections.Concurrent;
using MasteryEngine.Runtime;
using MasteryEngine.Runtime.Streams;
using MasteryEngine.Testing;
using static MasteryEngine.Grains.Tests.Grains.StudentMasteryGrainTests;

namespace MasteryEngine.Grains.Tests.InSilo;

[Collection(MasterySiloCollection.Name)]
public class StudentMasteryInSiloTests(MasterySiloFixture fixture)
{
    private static readonly ComponentScores Proficient = new(0.85, 0.90, 0.85, 0.82);

    private TestSilo Silo => fixture.Silo;

    [Fact]
    public async Task State_survives_a_deactivation_through_the_runtimes_json_storage()
    {
        var id = MasterySilo.NewKey("student");
        var student = Silo.GrainFactory.GetGrain<IStudentMasteryGrain>(id);
        await student.ApplyEventAsync(Event("quiz", """{"score":3,"max_score":4}""", id, "e1", Silo.Clock.GetUtcNow(), topic: "loops"));
        await student.CalculateAsync(Proficient);
        await Silo.GrainFactory.GetGrain<ICohortGrain>(MasterySilo.NewKey("cohort")).AddStudentAsync(id);
        var before = await student.ExportAsync();

        await Silo.Catalog.DeactivateAsync(new GrainId("student", id), DeactivationReason.ApplicationRequested);
        var after = await student.ExportAsync();

        Assert.Equal(before.CurrentMastery!.Components, after.CurrentMastery!.Components);
        Assert.Equal(before.Topics, after.Topics);
        Assert.Equal(before.Snapshots, after.Snapshots);
        Assert.Equal(before.AppliedEventIds, after.AppliedEventIds);
        Assert.Equal(before.Cohorts, after.Cohorts);
        Assert.False((await student.ApplyEventAsync(Event("quiz", """{"score":3,"max_score":4}""", id, "e1"))).Applied);
    }

    [Fact]
    public async Task Learning_events_published_to_the_stream_are_applied_once_per_event_id()
    {
        var id = MasterySilo.NewKey("student");
        var stream = Silo.Streams.GetStream<LearningEvent>(new StreamId(StreamNamespaces.LearningEvents, id));

        await stream.OnNextAsync(Event("quality", """{"score":0.6}""", id, "e1", Silo.Clock.GetUtcNow()));
        await stream.OnNextAsync(Event("quality", """{"score":0.6}""", id, "e1", Silo.Clock.GetUtcNow()));
        await stream.OnNextAsync(Event("quality", """{"score":1.0}""", id, "e2", Silo.Clock.GetUtcNow()));
        await Silo.WaitForStreamsAsync();

        var quality = (await Silo.GrainFactory.GetGrain<IStudentMasteryGrain>(id).QueryAsync()).CurrentMastery.Components.Quality;
        Assert.Equal(0.72, quality, 12);
    }

    [Fact]
    public async Task Level_changes_and_new_learning_paths_reach_the_outbound_stream()
    {
        var id = MasterySilo.NewKey("student");
        var received = new ConcurrentQueue<MasteryDomainEvent>();
        await using var subscription = await Silo.Streams.SubscribeAsync<MasteryDomainEvent>(
            StreamNamespaces.MasteryEvents,
            (stream, item, _) =>
            {
                if (stream.Key == id)
                {
                    received.Enqueue(item);
                }

                return Task.CompletedTask;
            });

        await Silo.GrainFactory.GetGrain<IStudentMasteryGrain>(id).CalculateAsync(Proficient);
        await Silo.GrainFactory.GetGrain<IStudentMasteryGrain>(id).CalculateAsync(Proficient);
        await Silo.WaitForStreamsAsync();

        var threshold = Assert.Single(received.OfType<MasteryThresholdReached>());
        Assert.Equal(MasteryLevel.Proficient, threshold.Level);
        Assert.Single(received.OfType<LearningPathRecommended>());
    }

    [Fact]
    public async Task A_cohort_gathers_its_members_analytics_through_the_runtime()
    {
        var cohortId = MasterySilo.NewKey("cohort");
        var cohort = Silo.GrainFactory.GetGrain<ICohortGrain>(cohortId);
        var (a, b) = (MasterySilo.NewKey("a"), MasterySilo.NewKey("b"));
        await cohort.AddStudentAsync(a);
        await cohort.AddStudentAsync(b);
        await Silo.GrainFactory.GetGrain<IStudentMasteryGrain>(a).CalculateAsync(Proficient);

        var analytics = await cohort.GetAnalyticsAsync();

        Assert.Equal((2, 0.862), (analytics.Size, analytics.MeanMastery));
        Assert.Equal(1, analytics.LevelDistribution[MasteryLevel.Proficient]);
        Assert.Equal([cohortId], await Silo.GrainFactory.GetGrain<IStudentMasteryGrain>(b).GetCohortsAsync());
    }

    [Fact]
    public async Task A_batch_reports_its_progress_through_its_own_reference_without_a_call_cycle()
    {
        var batch = Silo.GrainFactory.GetGrain<IBatchGrain>(MasterySilo.NewKey("batch"));
        var items = Enumerable.Range(0, 100).Select(i => new BatchItem(MasterySilo.NewKey($"s{i}"), Proficient)).ToList();

        await batch.StartAsync(items);
        await Eventually(async () => (await batch.GetStatusAsync())!.State == BatchStatus.Done);

        var status = await batch.GetStatusAsync();
        Assert.Equal((100, 100, 0), (status!.Total, status.Completed, status.Failed));
        Assert.All(status.Results, r => Assert.Equal(0.862, r.MasteryScore));
    }

    [Fact]
    public async Task Erasure_through_the_runtime_leaves_cohorts_and_batches_and_deactivates_the_student()
    {
        var id = MasterySilo.NewKey("student");
        var cohort = Silo.GrainFactory.GetGrain<ICohortGrain>(MasterySilo.NewKey("cohort"));
        var batch = Silo.GrainFactory.GetGrain<IBatchGrain>(MasterySilo.NewKey("batch"));
        await cohort.AddStudentAsync(id);
        await batch.StartAsync([new BatchItem(id, Proficient)]);
        await Eventually(async () => (await batch.GetStatusAsync())!.State == BatchStatus.Done);

        var report = await Silo.GrainFactory.GetGrain<IStudentMasteryGrain>(id).EraseAsync();

        Assert.Contains(ErasedDataKinds.CohortMemberships, report.ErasedDataKinds);
        Assert.Contains(ErasedDataKinds.BatchResults, report.ErasedDataKinds);
        Assert.False(await cohort.ContainsAsync(id));
        Assert.Empty((await batch.GetStatusAsync())!.Results);
        await Eventually(() => Task.FromResult(!Silo.Catalog.IsResident(new GrainId("student", id))));
        Assert.False(await Silo.GrainFactory.GetGrain<IStudentMasteryGrain>(id).HasDataAsync());
    }
}
