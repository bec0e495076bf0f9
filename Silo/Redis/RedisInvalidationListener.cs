using System.Text.Json;
using MasteryEngine.Runtime;
using MasteryEngine.Silo.Redis.Client;
using MasteryEngine.Silo.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Silo.Redis;

/// <summary>
/// Keeps activations fresh when several silos share one Redis: a write by another silo makes this silo's
/// activation of that grain stale, so it is deactivated and the next call reads the new state. ETags are random
/// per write, so "another silo wrote" is exactly "the stored ETag is no longer ours", except when our activation
/// already re-read after that write, in which case it merely reloads once more. Correctness does not depend on
/// these messages (a stale activation's next write fails its ETag check); they make reads on other silos fresh.
/// In a process without a silo it does nothing.
/// </summary>
public sealed class RedisInvalidationListener(
    RedisSubscriber subscriber,
    IOptions<RedisOptions> options,
    RedisSiloId siloId,
    IServiceProvider services,
    ILogger<RedisInvalidationListener> logger) : IHostedService
{
    private GrainActivationCatalog? catalog;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        catalog = services.GetService<GrainActivationCatalog>();
        if (catalog is null)
        {
            return;
        }

        await subscriber.SubscribeAsync(options.Value.InvalidationChannel, OnInvalidation, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void OnInvalidation(RedisChannelMessage message)
    {
        GrainInvalidation? invalidation;
        try
        {
            invalidation = JsonSerializer.Deserialize(message.Payload, RedisJsonContext.Default.GrainInvalidation);
        }
        catch (JsonException e)
        {
            logger.LogWarning("Ignoring a malformed invalidation on {Channel}: {Reason}", message.Channel, e.Message);
            return;
        }

        if (invalidation is null || invalidation.SiloId == siloId.Value)
        {
            return;
        }

        var grainId = new GrainId(invalidation.GrainType, invalidation.GrainKey);
        if (catalog!.IsResident(grainId))
        {
            _ = DeactivateAsync(grainId);
        }
    }

    private async Task DeactivateAsync(GrainId grainId)
    {
        try
        {
            await catalog!.DeactivateAsync(grainId, DeactivationReason.InconsistentState);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not deactivate {GrainId} after another silo wrote it", grainId);
        }
    }
}
