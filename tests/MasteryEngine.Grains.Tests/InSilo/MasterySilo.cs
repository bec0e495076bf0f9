using MasteryEngine.Grains.Domain;
using MasteryEngine.Runtime.Storage;
using MasteryEngine.Silo.Hosting;
using MasteryEngine.Silo.Storage;
using MasteryEngine.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MasteryEngine.Grains.Tests.InSilo;

/// <summary>A <see cref="TestSilo"/> hosting the mastery grains as the gateway does, with learning events routed to students.</summary>
internal static class MasterySilo
{
    public static Task<TestSilo> StartAsync(IGrainStorage? sharedStorage = null, ManualTimeProvider? clock = null, Action<MasteryOptions>? options = null) =>
        TestSilo.StartAsync(
            silo =>
            {
                silo.Services.AddMasteryGrains();
                if (options is not null)
                {
                    silo.Services.Configure(options);
                }

                silo.AddGrains(typeof(StudentMasteryGrain).Assembly);
                silo.AddStreamSubscription<LearningEvent>(
                    StreamNamespaces.LearningEvents,
                    (grains, stream, learningEvent, _) => grains.GetGrain<IStudentMasteryGrain>(stream.Key).ApplyEventAsync(learningEvent));
                if (sharedStorage is not null)
                {
                    silo.Services.AddKeyedSingleton(GrainStorageNames.Default, sharedStorage);
                }
            },
            clock);

    public static IGrainStorage NewSharedStorage() =>
        new MemoryGrainStorage(new JsonGrainStateSerializer([MasteryStateJsonContext.Default]));

    public static string NewKey(string prefix) => $"{prefix}_{Guid.NewGuid():N}";
}
