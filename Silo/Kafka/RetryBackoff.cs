namespace MasteryEngine.Silo.Kafka;

/// <summary>Exponential backoff for one operation that is retried until it succeeds: each wait doubles, up to a maximum.</summary>
internal sealed class RetryBackoff(TimeSpan initial, TimeSpan maximum, TimeProvider timeProvider)
{
    private TimeSpan next = initial;

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(next, timeProvider, cancellationToken);
        next = next * 2 < maximum ? next * 2 : maximum;
    }
}
