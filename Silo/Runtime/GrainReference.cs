using System.Diagnostics;
using System.Reflection;

namespace MasteryEngine.Silo.Runtime;

/// <summary>
/// What <see cref="IGrainFactory.GetGrain{TGrainInterface}"/> returns: a proxy implementing the grain interface
/// that sends each call to the grain's activation, activating it first when needed.
/// <para>
/// Reentrancy: a grain must not call itself, directly or through a cycle of grains (A → B → A), and await the
/// result: its own turn would be waiting for a turn that can only start after it. The runtime tracks the turns a
/// call is made from (an <see cref="AsyncLocal{T}"/> call chain) and fails such a call at once with
/// <see cref="GrainCallCycleException"/> instead of deadlocking.
/// </para>
/// </summary>
internal class GrainReference : DispatchProxy
{
    private GrainActivationCatalog catalog = null!;
    private GrainInterface grainInterface = null!;
    private GrainActivation? activation;

    public GrainId GrainId { get; private set; }

    public static TGrainInterface Create<TGrainInterface>(GrainActivationCatalog catalog, GrainInterface grainInterface, GrainId grainId, GrainActivation? activation)
    {
        var proxy = DispatchProxy.Create<TGrainInterface, GrainReference>();
        var reference = (GrainReference)(object)proxy!;
        reference.catalog = catalog;
        reference.grainInterface = grainInterface;
        reference.GrainId = grainId;
        reference.activation = activation;
        return proxy;
    }

    public override string ToString() => $"GrainReference({GrainId})";

    internal Task<TResult> SendAsync<TResult>(GrainMethod<TResult> method, object?[] arguments)
    {
        var caller = GrainCallChain.Current;
        if (caller is not null && caller.Contains(GrainId))
        {
            return Task.FromException<TResult>(new GrainCallCycleException(GrainId, caller.ToList()));
        }

        return GrainCallActivity.IsEnabled
            ? SendTracedAsync(method, arguments, caller)
            : Send(method, arguments, caller);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        grainInterface.Methods[targetMethod!].Send(this, args ?? []);

    private Task<TResult> Send<TResult>(GrainMethod<TResult> method, object?[] arguments, GrainCallChain? caller) =>
        activation?.Call(method, arguments, caller) ?? SendToCurrentActivation(method, arguments, caller);

    /// <summary>
    /// The call inside its span. The span is <see cref="Activity.Current"/> while the call is sent, so a call run
    /// inline sees it directly and a queued one takes it along (<see cref="PendingGrainCall{TResult}"/>); being an
    /// async method, it gives the caller its own current activity back when it returns.
    /// </summary>
    private async Task<TResult> SendTracedAsync<TResult>(GrainMethod<TResult> method, object?[] arguments, GrainCallChain? caller)
    {
        using var span = GrainCallActivity.Start(method, GrainId);
        try
        {
            return await Send(method, arguments, caller);
        }
        catch (Exception exception) when (span is not null)
        {
            GrainCallActivity.RecordFailure(span, exception);
            throw;
        }
    }

    private Task<TResult> SendToCurrentActivation<TResult>(GrainMethod<TResult> method, object?[] arguments, GrainCallChain? caller)
    {
        try
        {
            while (true)
            {
                var current = catalog.GetOrCreate(GrainId, grainInterface.GrainClass, out var created);
                var task = current.Call(method, arguments, caller);
                if (created)
                {
                    current.StartActivation(caller);
                }

                if (task is not null)
                {
                    activation = current;
                    return task;
                }

                catalog.Remove(current);
            }
        }
        catch (SiloUnavailableException exception)
        {
            return Task.FromException<TResult>(exception);
        }
    }
}
