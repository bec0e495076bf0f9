using MasteryEngine.Silo.Runtime;
using MasteryEngine.Silo.Streams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MasteryEngine.Silo.Hosting;

/// <summary>
/// Starts idle collection; on stop, delivers the in-process stream items still queued and then deactivates
/// every grain (reason ShuttingDown). It does so after the other hosted services stopped (StoppedAsync), so the
/// HTTP server and stream consumers no longer send calls.
/// </summary>
internal sealed class SiloHostedService(GrainActivationCatalog catalog, IServiceProvider services) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        catalog.Start();
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        // The in-process provider may be replaced (Kafka); only drain it when it was created.
        InProcessStreamProvider? streams;
        try
        {
            streams = services.GetService<InProcessStreamProvider>();
        }
        catch (ObjectDisposedException)
        {
            // Two stops can race: WebApplicationFactory stops a minimal-hosting app while the app's own Run()
            // stops it too and then disposes the container. That other stop has drained and deactivated.
            return;
        }

        if (streams is not null)
        {
            try
            {
                await streams.WaitForIdleAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        await catalog.DeactivateAllAsync(cancellationToken).ConfigureAwait(false);
        if (streams is not null)
        {
            await streams.StopAsync().ConfigureAwait(false);
        }
    }
}
