using MasteryEngine.Grains.Domain.Xapi;

namespace MasteryEngine.Grains.Tests.Domain.Xapi;

public sealed class XapiOptionsValidatorTests
{
    [Theory]
    [InlineData("https://lms.example/", null, null)]
    [InlineData("https://lms.example/", "https://lms.example/courses/", null)]
    [InlineData("not an iri", null, "Xapi:HomePage")]
    [InlineData("mailto:someone@example.org", null, "Xapi:HomePage")]
    [InlineData("https://lms.example/", "https://lms.example/courses", "Xapi:ActivityBase")]
    [InlineData("https://lms.example/", "/relative/", "Xapi:ActivityBase")]
    public void Iris_a_statement_cannot_carry_are_refused_naming_the_setting(string homePage, string? activityBase, string? refused)
    {
        var result = new XapiOptionsValidator().Validate(null, new XapiOptions { HomePage = homePage, ActivityBase = activityBase });

        if (refused is null)
        {
            Assert.True(result.Succeeded, result.FailureMessage);
        }
        else
        {
            Assert.Contains(refused, result.FailureMessage);
        }
    }

    [Fact]
    public void Topic_activities_default_to_the_home_pages_topics_folder()
    {
        Assert.Equal("https://lms.example/app/topics/", new XapiOptions { HomePage = "https://lms.example/app/" }.ActivityBaseUri.AbsoluteUri);
    }
}
