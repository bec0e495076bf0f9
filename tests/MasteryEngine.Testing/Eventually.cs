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
}
