using Orleans.Storage;

namespace MasteryEngine.Testing;

/// <summary>
/// The storage contract every <see cref="IGrainStorage"/> must keep (Orleans' persistence semantics). A provider's
/// test class derives from this and supplies the storage; each test uses fresh grain ids, so providers may share state.
/// </summary>
public abstract class GrainStorageConformanceTests
{
    private const string StateName = "conformance";

    protected abstract IGrainStorage Storage { get; }

    public sealed class CounterState
    {
        public int Value { get; set; }

        public List<string> Items { get; set; } = [];
    }

    private static GrainId NewGrainId() => GrainId.Create("conformance", "grain_" + Guid.NewGuid().ToString("N"));

    private async Task<GrainState<CounterState>> ReadAsync(GrainId id)
    {
        var state = new GrainState<CounterState>();
        await Storage.ReadStateAsync(StateName, id, state);
        return state;
    }

    [Fact]
    public async Task Read_of_missing_record_gives_default_state_and_no_etag()
    {
        var state = await ReadAsync(NewGrainId());

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Equal(0, state.State!.Value);
    }

    [Fact]
    public async Task Write_then_read_round_trips_state_and_etag()
    {
        var id = NewGrainId();
        var written = new GrainState<CounterState> { State = new CounterState { Value = 7, Items = ["a", "b"] } };

        await Storage.WriteStateAsync(StateName, id, written);
        var read = await ReadAsync(id);

        Assert.True(written.RecordExists);
        Assert.False(string.IsNullOrEmpty(written.ETag));
        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(7, read.State!.Value);
        Assert.Equal(["a", "b"], read.State!.Items);
    }

    [Fact]
    public async Task Each_write_sets_a_new_etag()
    {
        var id = NewGrainId();
        var state = new GrainState<CounterState>(new CounterState());

        await Storage.WriteStateAsync(StateName, id, state);
        var first = state.ETag;
        state.State!.Value++;
        await Storage.WriteStateAsync(StateName, id, state);

        Assert.NotEqual(first, state.ETag);
    }

    [Fact]
    public async Task Duplicate_first_write_fails()
    {
        var id = NewGrainId();
        var first = new GrainState<CounterState> { State = new CounterState { Value = 1 } };
        var second = new GrainState<CounterState> { State = new CounterState { Value = 2 } };
        await Storage.WriteStateAsync(StateName, id, first);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, id, second));

        Assert.Equal(1, (await ReadAsync(id)).State!.Value);
    }

    [Fact]
    public async Task Write_with_empty_etag_against_existing_record_fails()
    {
        var id = NewGrainId();
        await Storage.WriteStateAsync(StateName, id, new GrainState<CounterState>(new CounterState()));
        var blank = new GrainState<CounterState>(new CounterState()) { ETag = "" };

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, id, blank));
    }

    [Fact]
    public async Task Stale_etag_write_is_rejected_and_changes_nothing()
    {
        var id = NewGrainId();
        await Storage.WriteStateAsync(StateName, id, new GrainState<CounterState> { State = new CounterState { Value = 1 } });
        var a = await ReadAsync(id);
        var b = await ReadAsync(id);
        a.State!.Value = 2;
        await Storage.WriteStateAsync(StateName, id, a);
        b.State!.Value = 3;

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, id, b));

        var stored = await ReadAsync(id);
        Assert.Equal(2, stored.State!.Value);
        Assert.Equal(a.ETag, stored.ETag);
    }

    [Fact]
    public async Task Clear_before_write_works()
    {
        var id = NewGrainId();
        var state = new GrainState<CounterState>(new CounterState());

        await Storage.ClearStateAsync(StateName, id, state);

        Assert.False(state.RecordExists);
        Assert.False((await ReadAsync(id)).RecordExists);
    }

    [Fact]
    public async Task Clear_removes_the_record_and_changes_the_etag()
    {
        var id = NewGrainId();
        var state = new GrainState<CounterState> { State = new CounterState { Value = 5 } };
        await Storage.WriteStateAsync(StateName, id, state);
        var before = state.ETag;

        await Storage.ClearStateAsync(StateName, id, state);

        Assert.NotEqual(before, state.ETag);
        Assert.False(state.RecordExists);
        Assert.Equal(0, state.State!.Value);
        var read = await ReadAsync(id);
        Assert.False(read.RecordExists);
        Assert.Equal(0, read.State!.Value);
    }

    [Fact]
    public async Task Repeated_clears_are_harmless()
    {
        var id = NewGrainId();
        var state = new GrainState<CounterState>(new CounterState());
        await Storage.WriteStateAsync(StateName, id, state);

        await Storage.ClearStateAsync(StateName, id, state);
        await Storage.ClearStateAsync(StateName, id, state);

        Assert.False((await ReadAsync(id)).RecordExists);
    }

    [Fact]
    public async Task Stale_etag_clear_is_rejected()
    {
        var id = NewGrainId();
        await Storage.WriteStateAsync(StateName, id, new GrainState<CounterState>(new CounterState()));
        var a = await ReadAsync(id);
        var b = await ReadAsync(id);
        a.State!.Value = 9;
        await Storage.WriteStateAsync(StateName, id, a);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearStateAsync(StateName, id, b));

        Assert.Equal(9, (await ReadAsync(id)).State!.Value);
    }

    [Fact]
    public async Task Write_after_clear_starts_a_new_record()
    {
        var id = NewGrainId();
        var state = new GrainState<CounterState> { State = new CounterState { Value = 1 } };
        await Storage.WriteStateAsync(StateName, id, state);
        await Storage.ClearStateAsync(StateName, id, state);

        state.State!.Value = 4;
        await Storage.WriteStateAsync(StateName, id, state);

        var read = await ReadAsync(id);
        Assert.True(read.RecordExists);
        Assert.Equal(4, read.State!.Value);
    }

    [Fact]
    public async Task Holder_of_pre_clear_etag_cannot_write_after_clear()
    {
        var id = NewGrainId();
        await Storage.WriteStateAsync(StateName, id, new GrainState<CounterState>(new CounterState()));
        var stale = await ReadAsync(id);
        var clearer = await ReadAsync(id);
        await Storage.ClearStateAsync(StateName, id, clearer);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, id, stale));

        Assert.False((await ReadAsync(id)).RecordExists);
    }

    [Fact]
    public async Task Grains_are_independent()
    {
        var id = NewGrainId();
        await Storage.WriteStateAsync(StateName, id, new GrainState<CounterState> { State = new CounterState { Value = 1 } });

        Assert.False((await ReadAsync(NewGrainId())).RecordExists);
        Assert.Equal(1, (await ReadAsync(id)).State!.Value);
    }

    [Fact]
    public async Task Concurrent_writers_with_one_etag_let_exactly_one_win()
    {
        var id = NewGrainId();
        await Storage.WriteStateAsync(StateName, id, new GrainState<CounterState>(new CounterState()));
        var contenders = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => ReadAsync(id)));

        var outcomes = await Task.WhenAll(contenders.Select(async (state, i) =>
        {
            state.State!.Value = i + 1;
            try
            {
                await Storage.WriteStateAsync(StateName, id, state);
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }));

        Assert.Equal(1, outcomes.Count(won => won));
        var winner = Array.IndexOf(outcomes, true) + 1;
        Assert.Equal(winner, (await ReadAsync(id)).State!.Value);
    }
}
