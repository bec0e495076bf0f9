using MasteryEngine.Gateway.Options;
using MasteryEngine.Gateway.Security;
using MasteryEngine.Grains;
using Microsoft.Extensions.Options;
using Orleans.Streams;

namespace MasteryEngine.Gateway.Apis;

/// <summary>What the API handlers share: grains, the event stream, the access rules, options and the clock.</summary>
public sealed class MasteryServices(
    IClusterClient cluster,
    StudentAccess access,
    IOptions<GatewayOptions> options,
    TimeProvider time,
    ILogger<MasteryServices> logger)
{
    public IGrainFactory Grains { get; } = cluster;

    public IStreamProvider Streams { get; } = cluster.GetStreamProvider(StreamProviderNames.Mastery);

    public StudentAccess Access { get; } = access;

    public GatewayOptions Options { get; } = options.Value;

    public TimeProvider Time { get; } = time;

    public ILogger Logger { get; } = logger;

    public IStudentMasteryGrain Student(string studentId) => Grains.GetGrain<IStudentMasteryGrain>(studentId);
}
