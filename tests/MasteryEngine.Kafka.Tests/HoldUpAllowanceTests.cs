using MasteryEngine.Silo.Kafka;
using MasteryEngine.Testing;

namespace MasteryEngine.Kafka.Tests;

public sealed class HoldUpAllowanceTests
{
    public static TheoryData<int, int, int> Spending => new()
    {
        // spent ms, then elapsed ms, → available ms
        { 0, 0, 1000 },
        { 300, 0, 700 },
        { 300, 200, 800 },
        { 300, 600, 1000 },
        { 1000, 0, 0 },
        { 5000, 0, 0 },
        { 1000, 1000, 500 },
        { 1000, 4000, 1000 },
    };

    [Theory]
    [MemberData(nameof(Spending))]
    public void It_refills_at_half_the_elapsed_time_up_to_one_second(int spentMs, int elapsedMs, int availableMs)
    {
        var clock = new ManualTimeProvider();
        var allowance = new HoldUpAllowance(clock);

        allowance.Spend(TimeSpan.FromMilliseconds(spentMs));
        clock.Advance(TimeSpan.FromMilliseconds(elapsedMs));

        Assert.Equal(TimeSpan.FromMilliseconds(availableMs), allowance.Available);
    }

    [Fact]
    public void A_partition_holding_up_consuming_half_of_the_time_never_runs_out()
    {
        var clock = new ManualTimeProvider();
        var allowance = new HoldUpAllowance(clock);

        for (var i = 0; i < 1000; i++)
        {
            allowance.Spend(TimeSpan.FromMilliseconds(10));
            clock.Advance(TimeSpan.FromMilliseconds(20));
        }

        Assert.Equal(HoldUpAllowance.Capacity, allowance.Available);
    }

    [Fact]
    public void A_partition_holding_up_consuming_all_of_the_time_runs_out_within_two_seconds()
    {
        var clock = new ManualTimeProvider();
        var allowance = new HoldUpAllowance(clock);
        var held = TimeSpan.Zero;

        while (allowance.Available >= TimeSpan.FromMilliseconds(10) && held < TimeSpan.FromSeconds(10))
        {
            allowance.Spend(TimeSpan.FromMilliseconds(10));
            clock.Advance(TimeSpan.FromMilliseconds(10));
            held += TimeSpan.FromMilliseconds(10);
        }

        Assert.InRange(held, TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(2));
    }
}
