using MasteryEngine.Gateway.Infrastructure;
using MasteryEngine.Gateway.Options;
using MasteryEngine.Gateway.Security;
using MasteryEngine.Grains;
using MasteryEngine.Grains.Domain;
using Microsoft.Extensions.Options;
using Orleans.Streams;

namespace MasteryEngine.Gateway.Apis;

/// <summary>What the API handlers share: grains, the event stream, the access rules, options and the clock.</summary>
public sealed class MasteryServices(
    IClusterClient cluster,
    StudentAccess access,
    IOptions<GatewayOptions> options,
    IOptions<MasteryOptions> mastery,
    TimeProvider time,
    ILogger<MasteryServices> logger)
{
    public IGrainFactory Grains { get; } = cluster;

    public IStreamProvider Streams { get; } = cluster.GetStreamProvider(StreamProviderNames.Mastery);

    public StudentAccess Access { get; } = access;

    public GatewayOptions Options { get; } = options.Value;

    public MasteryOptions Mastery { get; } = mastery.Value;

    public TimeProvider Time { get; } = time;

    public ILogger Logger { get; } = logger;

    public IStudentMasteryGrain Student(string studentId) => Grains.GetGrain<IStudentMasteryGrain>(studentId);

    /// <summary>Whether the read routes should answer <see cref="ApiResults.StudentNotFound"/> rather than a zeroed record.</summary>
    public async Task<bool> IsUnknownStudentAsync(string studentId) => !await Student(studentId).HasDataAsync();
}
