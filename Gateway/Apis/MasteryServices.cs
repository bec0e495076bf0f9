using MasteryEngine.Gateway.Options;
using MasteryEngine.Gateway.Security;
using MasteryEngine.Grains;
using MasteryEngine.Grains.Domain;
using MasteryEngine.Runtime;
using MasteryEngine.Runtime.Streams;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Gateway.Apis;

/// <summary>What the API handlers share: grains, the event stream, the access rules, options and the clock.</summary>
public sealed class MasteryServices(
    IGrainFactory grains,
    IStreamProvider streams,
    StudentAccess access,
    IOptions<GatewayOptions> options,
    IOptions<MasteryOptions> mastery,
    TimeProvider time,
    ILogger<MasteryServices> logger)
{
    public IGrainFactory Grains { get; } = grains;

    public IStreamProvider Streams { get; } = streams;

    public StudentAccess Access { get; } = access;

    public GatewayOptions Options { get; } = options.Value;

    public MasteryOptions Mastery { get; } = mastery.Value;

    public TimeProvider Time { get; } = time;

    public ILogger Logger { get; } = logger;

    public IStudentMasteryGrain Student(string studentId) => Grains.GetGrain<IStudentMasteryGrain>(studentId);
}
