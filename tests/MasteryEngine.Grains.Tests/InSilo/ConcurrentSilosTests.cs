using MasteryEngine.Testing;
using static MasteryEngine.Grains.Tests.Grains.StudentMasteryGrainTests;

namespace MasteryEngine.Grains.Tests.InSilo;

public class ConcurrentSilosTests
{
    [Fact]
    public async Task Two_silos_writing_one_student_both_get_their_events_applied()
    {
        var storage = MasterySilo.NewSharedStorage();
        var clock = new ManualTimeProvider();
        await using var siloA = await MasterySilo.StartAsync(storage, clock);
        await using var siloB = await MasterySilo.StartAsync(storage, clock);
        var id = MasterySilo.NewKey("student");
        var onA = siloA.GrainFactory.GetGrain<IStudentMasteryGrain>(id);
        var onB = siloB.GrainFactory.GetGrain<IStudentMasteryGrain>(id);
        await onA.QueryAsync();
        await onB.QueryAsync();

        for (var i = 0; i < 5; i++)
        {
            await onA.ApplyEventAsync(Event("quiz", """{"score":1,"max_score":1}""", id, $"a{i}", clock.GetUtcNow()));
            await onB.ApplyEventAsync(Event("quality", """{"score":1}""", id, $"b{i}", clock.GetUtcNow()));
        }

        var export = await onB.ExportAsync();
        Assert.Equal(10, export.AppliedEventIds.Count);
        Assert.Equal((1.0, 1.0), (export.CurrentMastery!.Components.Quiz, export.CurrentMastery.Components.Quality));
    }
}
