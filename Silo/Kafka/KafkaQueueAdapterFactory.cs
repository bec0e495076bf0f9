using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Providers.Streams.Common;
using Orleans.Streams;

namespace MasteryEngine.Silo.Kafka;

/// <summary>
/// Builds the write-only <see cref="KafkaQueueAdapter"/>. Orleans asks every persistent provider for a queue mapper,
/// a cache and a failure handler; a provider that never reads uses none of them, so they are the smallest ones.
/// </summary>
internal sealed class KafkaQueueAdapterFactory(string name, KafkaProducerConnection producer, IOptions<KafkaOptions> options) : IQueueAdapterFactory
{
    private readonly HashRingBasedStreamQueueMapper mapper = new(new HashRingStreamQueueMapperOptions { TotalQueueCount = 1 }, name);

    public static IQueueAdapterFactory Create(IServiceProvider services, string name) => new KafkaQueueAdapterFactory(
        name, services.GetRequiredService<KafkaProducerConnection>(), services.GetRequiredService<IOptions<KafkaOptions>>());

    public Task<IQueueAdapter> CreateAdapter() => Task.FromResult<IQueueAdapter>(new KafkaQueueAdapter(name, producer, options));

    public IQueueAdapterCache GetQueueAdapterCache() => throw new NotSupportedException("The Kafka stream provider does not read.");

    public IStreamQueueMapper GetStreamQueueMapper() => mapper;

    public Task<IStreamFailureHandler> GetDeliveryFailureHandler(QueueId queueId) =>
        Task.FromResult<IStreamFailureHandler>(new NoOpStreamDeliveryFailureHandler());
}
