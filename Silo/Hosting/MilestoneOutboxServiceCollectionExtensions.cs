using MasteryEngine.Grains;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MasteryEngine.Silo.Hosting;

public static class MilestoneOutboxServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="MilestoneOutboxOptions"/> from the <c>Milestones</c> section, the publish wait defaulting to half the
    /// grain-call timeout and refused at start-up unless shorter than it: a grain waiting on Kafka (whose own send
    /// timeout, <c>Resilience:Kafka:Timeout</c>, is longer) must still answer its caller in time.
    /// </summary>
    public static IServiceCollection AddMilestoneOutbox(this IServiceCollection services, IConfiguration configuration, TimeSpan responseTimeout)
    {
        services.AddOptions<MilestoneOutboxOptions>()
            .Configure(options => options.PublishTimeout = responseTimeout / 2)
            .Bind(configuration.GetSection(MilestoneOutboxOptions.SectionName))
            .Validate(
                options => options.PublishTimeout > TimeSpan.Zero && options.PublishTimeout < responseTimeout,
                $"Milestones:PublishTimeout must be positive and shorter than {MasterySiloSettings.ResponseTimeoutVariable} ({responseTimeout}).")
            .Validate(options => options.RetryInterval > TimeSpan.Zero, "Milestones:RetryInterval must be positive.")
            .ValidateOnStart();
        return services;
    }
}
