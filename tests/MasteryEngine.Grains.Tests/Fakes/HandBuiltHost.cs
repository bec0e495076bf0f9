using System.Collections.Concurrent;
using MasteryEngine.Grains.Domain;
using MasteryEngine.Grains.Observability;
using MasteryEngine.Runtime;
using MasteryEngine.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Grains.Tests.Fakes;

/// <summary>
/// The grains built by hand (no runtime): one instance per key, constructed inside
/// <see cref="GrainContextScope"/>, its state read and <c>OnActivateAsync</c> run on the first call, and calls
/// to one grain taken one at a time (<see cref="TurnProxy{T}"/>). Two hosts on one <see cref="FakeGrainStorage"/>
/// behave as two silos.
/// </summary>
public sealed class HandBuiltHost : IGrainFactory
{
    private readonly ConcurrentDictionary<(Type, string), object> references = new();
    private readonly ConcurrentQueue<Grain> activated = new();
    private readonly IServiceProvider services = new ServiceCollection().AddMetrics().AddSingleton<MasteryMetrics>().BuildServiceProvider();

    public HandBuiltHost(FakeGrainStorage? storage = null, ManualTimeProvider? clock = null, MasteryOptions? options = null)
    {
        Storage = storage ?? new FakeGrainStorage();
        Clock = clock ?? new ManualTimeProvider();
        Options = options ?? new MasteryOptions();
    }

    public FakeGrainStorage Storage { get; }

    public ManualTimeProvider Clock { get; }

    public MasteryOptions Options { get; }

    public RecordingStreamProvider Streams { get; } = new();

    public MasteryMetrics Metrics => services.GetRequiredService<MasteryMetrics>();

    public System.Diagnostics.Metrics.IMeterFactory MeterFactory => services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();

    public ConcurrentDictionary<GrainId, FakeGrainContext> Contexts { get; } = new();

    public TGrainInterface GetGrain<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey =>
        (TGrainInterface)references.GetOrAdd((typeof(TGrainInterface), key), _ => Reference<TGrainInterface>(key));

    private TGrainInterface Reference<TGrainInterface>(string key)
    {
        var proxy = System.Reflection.DispatchProxy.Create<TGrainInterface, TurnProxy<TGrainInterface>>();
        ((TurnProxy<TGrainInterface>)(object)proxy!).Bind(() => ActivateAsync<TGrainInterface>(key));
        return proxy;
    }

    /// <summary>Forgets every activation without deactivating it (as after a crashed silo); storage is kept.</summary>
    public void DropActivations()
    {
        references.Clear();
        activated.Clear();
    }

    /// <summary>Deactivates every activation, as idle collection or a shutdown does, then forgets them. Call between calls.</summary>
    public async Task DeactivateAllAsync()
    {
        foreach (var grain in activated)
        {
            await grain.OnDeactivateAsync(DeactivationReason.ShuttingDown, CancellationToken.None);
        }

        DropActivations();
    }

    private async Task<object> ActivateAsync<TGrainInterface>(string key)
    {
        var (grain, read) = Create(typeof(TGrainInterface), key);
        await read();
        await grain.OnActivateAsync(CancellationToken.None);
        activated.Enqueue(grain);
        return grain;

        (Grain Grain, Func<Task> Read) Create(Type grainInterface, string grainKey)
        {
            if (grainInterface == typeof(IStudentMasteryGrain))
            {
                var state = new FakePersistentState<StudentMasteryState>(Storage, $"student/{grainKey}");
                return (Construct("student", () => new StudentMasteryGrain(
                    state, Clock, Microsoft.Extensions.Options.Options.Create(Options), Streams, Metrics, NullLogger<StudentMasteryGrain>.Instance)), () => state.ReadStateAsync());
            }

            if (grainInterface == typeof(ICohortGrain))
            {
                var state = new FakePersistentState<CohortState>(Storage, $"cohort/{grainKey}");
                return (Construct("cohort", () => new CohortGrain(state)), () => state.ReadStateAsync());
            }

            if (grainInterface == typeof(IBatchGrain))
            {
                var state = new FakePersistentState<BatchState>(Storage, $"batch/{grainKey}");
                return (Construct("batch", () => new BatchGrain(state, Clock, NullLogger<BatchGrain>.Instance)), () => state.ReadStateAsync());
            }

            throw new NotSupportedException(grainInterface.Name);

            Grain Construct(string grainType, Func<Grain> constructor)
            {
                var context = new FakeGrainContext(new GrainId(grainType, grainKey), this, services);
                Contexts[context.GrainId] = context;
                using (GrainContextScope.Enter(context))
                {
                    return constructor();
                }
            }
        }
    }
}
