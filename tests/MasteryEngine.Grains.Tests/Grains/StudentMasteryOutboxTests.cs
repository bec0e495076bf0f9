using MasteryEngine.Grains.Tests.Fakes;
using MasteryEngine.Runtime.Streams;

namespace MasteryEngine.Grains.Tests.Grains;

public class StudentMasteryOutboxTests
{
    private static readonly ComponentScores Novice = new(0.2, 0.2, 0.2, 0.2);
    private static readonly ComponentScores Proficient = new(0.85, 0.90, 0.85, 0.82);
    private static readonly ComponentScores Mastered = new(0.95, 0.95, 0.95, 0.95);
    private static readonly StreamId Stream = new(StreamNamespaces.MasteryEvents, "s1");

    [Fact]
    public async Task A_milestone_that_could_not_be_published_goes_out_before_the_next_ones_at_the_next_change()
    {
        var host = new HandBuiltHost();
        var student = host.GetGrain<IStudentMasteryGrain>("s1");
        await student.CalculateAsync(Novice);
        host.Streams.Fail = true;
        await student.CalculateAsync(Proficient);

        host.Streams.Fail = false;
        await student.CalculateAsync(Mastered);

        var levels = host.Streams.ItemsOf<MasteryThresholdReached>(Stream).Select(m => (m.PreviousLevel, m.Level));
        Assert.Equal([(MasteryLevel.Novice, MasteryLevel.Proficient), (MasteryLevel.Proficient, MasteryLevel.Mastered)], levels);
    }

    [Fact]
    public async Task A_milestone_kept_while_the_stream_was_down_survives_a_crash_and_goes_out_at_the_next_activation()
    {
        var host = await CrashedWithAMilestoneKeptAsync();

        await host.GetGrain<IStudentMasteryGrain>("s1").QueryAsync();
        host.DropActivations();
        await host.GetGrain<IStudentMasteryGrain>("s1").QueryAsync();

        var reached = Assert.Single(host.Streams.ItemsOf<MasteryThresholdReached>(Stream));
        Assert.Equal(MasteryLevel.Proficient, reached.Level);
    }

    [Fact]
    public async Task A_milestone_whose_publication_a_crash_may_have_cut_short_is_published_again_once()
    {
        var host = new HandBuiltHost();
        await host.GetGrain<IStudentMasteryGrain>("s1").CalculateAsync(Proficient);
        host.DropActivations();

        await host.GetGrain<IStudentMasteryGrain>("s1").QueryAsync();
        host.DropActivations();
        await host.GetGrain<IStudentMasteryGrain>("s1").QueryAsync();

        var reached = host.Streams.ItemsOf<MasteryThresholdReached>(Stream);
        Assert.Equal(2, reached.Count);
        Assert.Equal(reached[0], reached[1]);
    }

    [Fact]
    public async Task A_deactivation_records_what_was_published_so_the_next_activation_sends_nothing_again()
    {
        var host = new HandBuiltHost();
        await host.GetGrain<IStudentMasteryGrain>("s1").CalculateAsync(Proficient);
        var writes = host.Storage.Writes;

        await host.DeactivateAllAsync();
        await host.GetGrain<IStudentMasteryGrain>("s1").QueryAsync();
        await host.DeactivateAllAsync();

        Assert.Single(host.Streams.ItemsOf<MasteryThresholdReached>(Stream));
        Assert.Equal(writes + 1, host.Storage.Writes);
    }

    [Fact]
    public async Task An_activation_that_cannot_record_what_it_published_still_serves_the_student()
    {
        var host = await CrashedWithAMilestoneKeptAsync();
        host.Storage.FailNextWrite = new Runtime.Storage.StorageUnavailableException();

        var query = await host.GetGrain<IStudentMasteryGrain>("s1").QueryAsync();

        Assert.Equal(MasteryLevel.Proficient, query.CurrentMastery.Level);
        Assert.Equal(MasteryLevel.Proficient, Assert.Single(host.Streams.ItemsOf<MasteryThresholdReached>(Stream)).Level);
    }

    [Fact]
    public async Task An_erased_student_is_not_written_back_by_its_deactivation()
    {
        var host = new HandBuiltHost();
        var student = host.GetGrain<IStudentMasteryGrain>("s1");
        await student.CalculateAsync(Proficient);

        await student.EraseAsync();
        await host.DeactivateAllAsync();

        Assert.False(host.Storage.Contains("student/s1"));
    }

    /// <summary>A student who reached proficient while the stream was down, on a silo that then crashed.</summary>
    private static async Task<HandBuiltHost> CrashedWithAMilestoneKeptAsync()
    {
        var host = new HandBuiltHost();
        await host.GetGrain<IStudentMasteryGrain>("s1").CalculateAsync(Novice);
        host.Streams.Fail = true;
        await host.GetGrain<IStudentMasteryGrain>("s1").CalculateAsync(Proficient);
        host.DropActivations();
        host.Streams.Fail = false;
        return host;
    }
}
