using System.Diagnostics;
using MasteryEngine.Silo.Tests.Grains;
using MasteryEngine.Testing;

namespace MasteryEngine.Silo.Tests;

public sealed class GrainCallTracingTests
{
    [Fact]
    public async Task A_grain_call_is_a_span_named_after_interface_and_method_tagged_with_grain_type_and_key_under_its_caller()
    {
        using var recorder = new ActivityRecorder();
        await using var silo = await RuntimeTestSilo.StartAsync();
        var (first, second) = (RuntimeTestSilo.NewKey(), RuntimeTestSilo.NewKey());
        using var request = new Activity("request").Start();

        await silo.GrainFactory.GetGrain<IProbeGrain>(first).CallThroughAsync(second, "");

        var spans = recorder.InTrace(request.TraceId);
        var outer = Assert.Single(spans, span => Key(span) == first);
        var inner = Assert.Single(spans, span => Key(span) == second);
        Assert.Equal("IProbeGrain/CallThroughAsync", outer.DisplayName);
        Assert.Equal(ActivityKind.Internal, outer.Kind);
        Assert.Equal("probe", outer.GetTagItem("grain.type"));
        Assert.Equal("CallThroughAsync", outer.GetTagItem("rpc.method"));
        Assert.Equal(request.SpanId, outer.ParentSpanId);
        Assert.Equal(outer.SpanId, inner.ParentSpanId);
    }

    [Fact]
    public async Task A_queued_call_runs_inside_its_own_span_so_calls_it_makes_are_its_children()
    {
        using var recorder = new ActivityRecorder();
        await using var silo = await RuntimeTestSilo.StartAsync();
        var (busy, other) = (RuntimeTestSilo.NewKey(), RuntimeTestSilo.NewKey());
        var grain = silo.GrainFactory.GetGrain<IProbeGrain>(busy);
        var release = new TaskCompletionSource();
        var holding = grain.HoldAsync(release.Task);
        await Eventually.UntilAsync(() => silo.Log().Count(busy, "holding") == 1, RuntimeTestSilo.Patience, "the first call holds the turn");
        using var request = new Activity("request").Start();

        var queued = grain.CallThroughAsync(other, "");
        release.SetResult();
        await Task.WhenAll(holding, queued);

        var spans = recorder.InTrace(request.TraceId);
        var queuedSpan = Assert.Single(spans, span => Key(span) == busy && span.DisplayName == "IProbeGrain/CallThroughAsync");
        Assert.Equal(queuedSpan.SpanId, Assert.Single(spans, span => Key(span) == other).ParentSpanId);
    }

    [Fact]
    public async Task A_failing_grain_call_marks_its_span_as_an_error()
    {
        using var recorder = new ActivityRecorder();
        await using var silo = await RuntimeTestSilo.StartAsync();
        using var request = new Activity("request").Start();

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            silo.GrainFactory.GetGrain<IProbeGrain>(RuntimeTestSilo.NewKey()).ThrowAsync(new InvalidOperationException("broken")));

        var span = Assert.Single(recorder.InTrace(request.TraceId));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("broken", span.StatusDescription);
    }

    private static string? Key(Activity span) => span.GetTagItem("grain.key") as string;
}
