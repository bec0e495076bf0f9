using System.Collections.Concurrent;
using MasteryEngine.Runtime.Streams;
using MasteryEngine.Silo.Streams;
using MasteryEngine.Silo.Tests.Grains;
using MasteryEngine.Testing;

namespace MasteryEngine.Silo.Tests;

public sealed class InProcessStreamProviderTests
{
    private const string Numbers = "numbers";

    [Fact]
    public async Task Items_reach_the_grain_of_their_stream_key_in_publication_order()
    {
        await using var silo = await RuntimeTestSilo.StartAsync(s =>
            s.AddStreamSubscription<NumberedEvent>(Numbers, (grains, stream, item, _) => grains.GetGrain<IProbeGrain>(stream.Key).AppendAsync(item.Sequence)));
        var keys = Enumerable.Range(0, 5).Select(i => RuntimeTestSilo.NewKey($"s{i}")).ToArray();

        for (var sequence = 0; sequence < 500; sequence++)
        {
            var key = keys[sequence % keys.Length];
            await silo.Streams.GetStream<NumberedEvent>(new StreamId(Numbers, key)).OnNextAsync(new NumberedEvent(sequence));
        }

        await silo.WaitForStreamsAsync();
        for (var k = 0; k < keys.Length; k++)
        {
            var expected = Enumerable.Range(0, 500).Where(sequence => sequence % keys.Length == k);
            Assert.Equal(expected, await silo.GrainFactory.GetGrain<IProbeGrain>(keys[k]).GetAppendedAsync());
        }
    }

    [Fact]
    public async Task A_failing_handler_is_retried_and_then_the_item_is_dead_lettered()
    {
        var attempts = 0;
        await using var silo = await RuntimeTestSilo.StartAsync(s =>
        {
            s.Configure<InProcessStreamOptions>(o => o.MaxDeliveryAttempts = 3);
            s.AddStreamSubscription<NumberedEvent>(Numbers, (_, _, _, _) =>
            {
                Interlocked.Increment(ref attempts);
                throw new InvalidOperationException("handler always fails");
            });
        });
        var streamId = new StreamId(Numbers, RuntimeTestSilo.NewKey());

        await silo.Streams.GetStream<NumberedEvent>(streamId).OnNextAsync(new NumberedEvent(7));
        await silo.WaitForStreamsAsync();

        var deadLetter = Assert.Single(silo.Streams.DeadLetters);
        Assert.Equal(streamId, deadLetter.StreamId);
        Assert.Equal(new NumberedEvent(7), deadLetter.Item);
        Assert.Equal(3, deadLetter.Attempts);
        Assert.IsType<InvalidOperationException>(deadLetter.Error);
        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task An_item_rejected_as_bad_input_is_dead_lettered_without_retries()
    {
        var attempts = 0;
        await using var silo = await RuntimeTestSilo.StartAsync(s =>
            s.AddStreamSubscription<NumberedEvent>(Numbers, (_, _, item, _) =>
            {
                Interlocked.Increment(ref attempts);
                throw new ArgumentException($"event {item.Sequence} is malformed");
            }));

        await silo.Streams.GetStream<NumberedEvent>(new StreamId(Numbers, RuntimeTestSilo.NewKey())).OnNextAsync(new NumberedEvent(3));
        await silo.WaitForStreamsAsync();

        Assert.Equal(1, Assert.Single(silo.Streams.DeadLetters).Attempts);
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task A_transient_handler_failure_is_retried_until_delivered()
    {
        var attempts = 0;
        var delivered = new ConcurrentQueue<int>();
        await using var silo = await RuntimeTestSilo.StartAsync(s =>
            s.AddStreamSubscription<NumberedEvent>(Numbers, (_, _, item, _) =>
            {
                if (Interlocked.Increment(ref attempts) < 3)
                {
                    throw new TimeoutException("transient");
                }

                delivered.Enqueue(item.Sequence);
                return Task.CompletedTask;
            }));

        await silo.Streams.GetStream<NumberedEvent>(new StreamId(Numbers, RuntimeTestSilo.NewKey())).OnNextAsync(new NumberedEvent(1));
        await silo.WaitForStreamsAsync();

        Assert.Equal([1], delivered);
        Assert.Empty(silo.Streams.DeadLetters);
    }

    [Fact]
    public async Task An_explicit_subscriber_sees_items_published_until_it_unsubscribes()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();
        var seen = new ConcurrentQueue<(StreamId Stream, NumberedEvent Item)>();
        var subscription = await silo.Streams.SubscribeAsync<NumberedEvent>("outbound", (stream, item, _) =>
        {
            seen.Enqueue((stream, item));
            return Task.CompletedTask;
        });
        var streamId = new StreamId("outbound", RuntimeTestSilo.NewKey());

        await silo.Streams.GetStream<NumberedEvent>(streamId).OnNextAsync(new NumberedEvent(1));
        await silo.WaitForStreamsAsync();
        await subscription.DisposeAsync();
        await silo.Streams.GetStream<NumberedEvent>(streamId).OnNextAsync(new NumberedEvent(2));
        await silo.WaitForStreamsAsync();

        Assert.Equal([(streamId, new NumberedEvent(1))], seen);
    }

    [Fact]
    public async Task A_full_shard_makes_the_publisher_wait()
    {
        var release = new TaskCompletionSource();
        await using var silo = await RuntimeTestSilo.StartAsync(s =>
        {
            s.Configure<InProcessStreamOptions>(o =>
            {
                o.ShardCount = 1;
                o.ShardCapacity = 1;
            });
            s.AddStreamSubscription<NumberedEvent>(Numbers, (_, _, _, _) => release.Task);
        });
        var stream = silo.Streams.GetStream<NumberedEvent>(new StreamId(Numbers, RuntimeTestSilo.NewKey()));

        var publications = Enumerable.Range(0, 3).Select(i => stream.OnNextAsync(new NumberedEvent(i))).ToArray();

        Assert.False(publications[2].IsCompleted);
        release.SetResult();
        await Task.WhenAll(publications).WaitAsync(TimeSpan.FromSeconds(30));
        await silo.WaitForStreamsAsync();
    }

    [Fact]
    public async Task Publishing_an_item_of_the_wrong_type_to_a_subscribed_namespace_fails()
    {
        await using var silo = await RuntimeTestSilo.StartAsync(s =>
            s.AddStreamSubscription<NumberedEvent>(Numbers, (_, _, _, _) => Task.CompletedTask));

        await Assert.ThrowsAsync<ArgumentException>(
            () => silo.Streams.GetStream<string>(new StreamId(Numbers, RuntimeTestSilo.NewKey())).OnNextAsync("not a number"));
    }

    [Fact]
    public async Task Stopping_the_silo_delivers_queued_items_first()
    {
        var delivered = 0;
        var silo = await RuntimeTestSilo.StartAsync(s =>
            s.AddStreamSubscription<NumberedEvent>(Numbers, async (_, _, _, _) =>
            {
                await Task.Yield();
                Interlocked.Increment(ref delivered);
            }));
        for (var i = 0; i < 100; i++)
        {
            await silo.Streams.GetStream<NumberedEvent>(new StreamId(Numbers, $"k{i % 7}")).OnNextAsync(new NumberedEvent(i));
        }

        await silo.DisposeAsync();

        Assert.Equal(100, delivered);
    }
}
