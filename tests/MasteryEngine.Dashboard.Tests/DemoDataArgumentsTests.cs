using MasteryEngine.Gateway.Demo;

namespace MasteryEngine.Dashboard.Tests;

public sealed class DemoDataArgumentsTests
{
    [Fact]
    public void Without_options_it_seeds_sixteen_students_over_five_weeks_into_localhost_8005()
    {
        Assert.True(DemoDataArguments.TryParse([], out var arguments, out _));
        Assert.Equal(new DemoDataArguments(new Uri("http://localhost:8005"), 16, 35, 7), arguments);
    }

    [Fact]
    public void Options_override_the_defaults()
    {
        Assert.True(DemoDataArguments.TryParse(["--url", "http://127.0.0.1:9000", "--students", "4", "--days", "10", "--seed", "3"], out var arguments, out _));
        Assert.Equal(new DemoDataArguments(new Uri("http://127.0.0.1:9000"), 4, 10, 3), arguments);
    }

    [Theory]
    [InlineData("--url", "localhost:8005", "--url must be an absolute http(s) address")]
    [InlineData("--students", "25", "--students must be a whole number")]
    [InlineData("--days", "0", "--days must be a whole number")]
    [InlineData("--seed", "-1", "--seed must be a whole number")]
    [InlineData("--colour", "red", "Unknown option --colour")]
    public void Bad_options_are_refused_with_a_message_naming_them(string option, string value, string message)
    {
        Assert.False(DemoDataArguments.TryParse([option, value], out _, out var error));
        Assert.StartsWith(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_option_without_a_value_is_refused()
    {
        Assert.False(DemoDataArguments.TryParse(["--days"], out _, out var error));
        Assert.Equal("--days needs a value.", error);
    }
}
