using MasteryEngine.Testing;
using static MasteryEngine.Grains.Tests.Grains.StudentMasteryGrainTests;

namespace MasteryEngine.Grains.Tests.InSilo;

public class BatchExpiryInSiloTests
{
    [Fact]
    public async Task A_batch_status_is_gone_a_day_after_creation()
    {
        var clock = new ManualTimeProvider();
        await using var silo = await MasterySilo.StartAsync(clock: clock);
        var batch = silo.GrainFactory.GetGrain<IBatchGrain>(MasterySilo.NewKey("batch"));
        await batch.StartAsync([new BatchItem(MasterySilo.NewKey("s"), null)]);
        await Eventually(async () => (await batch.GetStatusAsync())!.State == BatchStatus.Done);

        clock.Advance(TimeSpan.FromDays(1));

        Assert.Null(await batch.GetStatusAsync());
    }
}
