using MasteryEngine.ReviewAgent.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace MasteryEngine.ReviewAgent.Tests.Api;

public class StartupTests
{
    [Theory]
    [InlineData("JWT_SECRET", "")]
    [InlineData("JWT_SECRET", "short")]
    [InlineData("MASTERY_ENGINE_URL", "not a url")]
    [InlineData("Sandbox:MaxConcurrentRuns", "0")]
    [InlineData("Review:MaxCodeBytes", "0")]
    public void A_bad_setting_stops_the_service_at_start_up(string name, string value)
    {
        using var factory = new ReviewAgentFactory(new Dictionary<string, string?> { [name] = value, ["MASTERY_FEED_ENABLED"] = "true" });

        Assert.ThrowsAny<OptionsValidationException>(() => factory.CreateClient());
    }
}
