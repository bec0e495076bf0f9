using MasteryEngine.Grains.Domain;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Grains.Tests;

public class MasteryGrainsRegistrationTests
{
    [Fact]
    public void Options_are_bound_from_the_mastery_section()
    {
        var options = Resolve(new()
        {
            ["Mastery:Weights:Completion"] = "0.25",
            ["Mastery:Weights:Quiz"] = "0.25",
            ["Mastery:Weights:Quality"] = "0.25",
            ["Mastery:Weights:Consistency"] = "0.25",
            ["Mastery:Thresholds:Mastered"] = "0.95",
            ["Mastery:EwmaAlpha"] = "0.5",
        });

        Assert.Equal((0.25, 0.95, 0.5), (options.Weights.Quiz, options.Thresholds.Mastered, options.EwmaAlpha));
    }

    [Theory]
    [InlineData(null, null, 90)]
    [InlineData("30", null, 30)]
    [InlineData("30", "45", 45)]
    [InlineData(null, "7", 7)]
    public void GDPR_RETENTION_DAYS_overrides_the_configured_retention(string? configured, string? variable, int expected)
    {
        var options = Resolve(new() { ["Mastery:RetentionDays"] = configured, ["GDPR_RETENTION_DAYS"] = variable });

        Assert.Equal(expected, options.RetentionDays);
    }

    [Theory]
    [InlineData("0", "GDPR_RETENTION_DAYS")]
    [InlineData("ninety", "GDPR_RETENTION_DAYS must be a whole number")]
    public void An_unusable_retention_is_refused_with_a_clear_message(string variable, string expectedMessage)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["GDPR_RETENTION_DAYS"] = variable }));

        Assert.Contains(expectedMessage, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Weights_not_summing_to_one_are_refused()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Mastery:Weights:Completion"] = "0.9" }));

        Assert.Contains("must sum to 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_clock_is_registered()
    {
        using var provider = new ServiceCollection().AddMasteryGrains().BuildServiceProvider();

        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }

    private static MasteryOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Where(s => s.Value is not null)).Build();
        using var provider = new ServiceCollection().AddMasteryGrains(configuration).BuildServiceProvider();
        return provider.GetRequiredService<IOptions<MasteryOptions>>().Value;
    }
}
