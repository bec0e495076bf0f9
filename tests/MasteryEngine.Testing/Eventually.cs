namespace MasteryEngine.Testing;

/// <summary>
/// Waits for a condition instead of sleeping a fixed time: polls until it holds or a generous timeout passes, so
/// tests neither flake on a loaded machine nor wait longer than needed.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public static Task UntilAsync(Func<bool> condition, TimeSpan timeout, string description) =>
        UntilAsync(() => Task.FromResult(condition()), timeout, description);

    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string description)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not true within {timeout.TotalSeconds:F0} s: {description}");
            }

            await Task.Delay(PollInterval);
        }
    }

    /// <summary>Polls <paramref name="probe"/> until its value is <paramref name="done"/> (30 s unless told), and returns that value.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string description, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not true within {limit.TotalSeconds:F0} s: {description}");
            }

            await Task.Delay(PollInterval);
        }
    }
}
