using System.Threading.RateLimiting;
using MasteryEngine.Gateway.Infrastructure;
using MasteryEngine.Testing;

namespace MasteryEngine.Gateway.Tests.Security;

public sealed class ClientWindowRateLimiterTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    [Theory]
    [InlineData(0, 60)]
    [InlineData(1, 59)]
    [InlineData(45, 15)]
    [InlineData(59.5, 0.5)]
    public void Refusal_says_when_the_window_really_reopens(double secondsLater, double expectedWait)
    {
        var clock = new ManualTimeProvider();
        using var limiter = new ClientWindowRateLimiter(2, Window, clock);
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        Assert.True(limiter.AttemptAcquire().IsAcquired);

        clock.Advance(TimeSpan.FromSeconds(secondsLater));
        using var refused = limiter.AttemptAcquire();

        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var wait));
        Assert.Equal(TimeSpan.FromSeconds(expectedWait), wait);
    }

    [Fact]
    public void Window_reopens_with_a_full_budget_when_it_ends()
    {
        var clock = new ManualTimeProvider();
        using var limiter = new ClientWindowRateLimiter(1, Window, clock);
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        Assert.False(limiter.AttemptAcquire().IsAcquired);

        clock.Advance(Window);

        Assert.True(limiter.AttemptAcquire().IsAcquired);
        Assert.False(limiter.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public void Limiter_is_idle_only_once_its_window_is_over()
    {
        var clock = new ManualTimeProvider();
        using var limiter = new ClientWindowRateLimiter(5, Window, clock);
        limiter.AttemptAcquire().Dispose();

        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Null(limiter.IdleDuration);

        clock.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(TimeSpan.FromSeconds(10), limiter.IdleDuration);
    }
}
