using System.Text;
using MasteryEngine.Grains.Domain.Learning;

namespace MasteryEngine.Grains.Tests.Domain.Learning;

public class LearnerModelParametersTests
{
    [Fact]
    public async Task A_saved_parameter_file_loads_back_the_same_values()
    {
        var parameters = LearnerModelParameters.Default with
        {
            Intercept = 0.7,
            Topics = new Dictionary<string, TopicParameters> { ["fractions"] = new(0.3, 0.2, -0.1, 400) },
            Items = new Dictionary<string, ItemParameters> { ["q-17"] = new(-0.8, 12.5, 60) },
        };
        using var stream = new MemoryStream();
        await parameters.SaveAsync(stream, CancellationToken.None);
        stream.Position = 0;

        var loaded = await LearnerModelParameters.LoadAsync(stream, CancellationToken.None);

        Assert.Equal(0.7, loaded.Intercept);
        Assert.Equal(parameters.Topic("fractions"), loaded.Topic("fractions"));
        Assert.Equal(parameters.Item("q-17"), loaded.Item("q-17"));
        Assert.Equal(parameters.AbilityMemory, loaded.AbilityMemory);
    }

    [Fact]
    public async Task The_file_is_snake_case_json()
    {
        using var stream = new MemoryStream();
        await LearnerModelParameters.Default.SaveAsync(stream, CancellationToken.None);

        var json = Encoding.UTF8.GetString(stream.ToArray());

        Assert.Contains("\"topic_ability_prior_variance\":", json, StringComparison.Ordinal);
        Assert.Contains("\"default_topic\":", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json", "Not a learner model parameter file")]
    [InlineData("null", "empty")]
    [InlineData("""{"intercept":0}""", "Not a learner model parameter file")]
    public async Task A_file_that_is_not_a_parameter_file_is_refused(string content, string reason)
    {
        var exception = await Assert.ThrowsAsync<InvalidDataException>(() => Load(content));

        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("topic_ability_prior_variance", "0", "prior variances")]
    [InlineData("item_prior_variance", "-1", "prior variances")]
    [InlineData("half_life_days", "0", "half_life_days")]
    [InlineData("ability_memory", "0.5", "ability_memory")]
    [InlineData("intercept", "\"NaN\"", "finite")]
    public async Task Out_of_range_values_are_refused_with_the_field(string field, string value, string reason)
    {
        using var stream = new MemoryStream();
        await LearnerModelParameters.Default.SaveAsync(stream, CancellationToken.None);
        var json = System.Text.Json.Nodes.JsonNode.Parse(stream.ToArray())!;
        json[field] = System.Text.Json.Nodes.JsonNode.Parse(value);

        var exception = await Assert.ThrowsAsync<InvalidDataException>(() => Load(json.ToJsonString()));

        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_item_with_negative_information_is_refused_by_name()
    {
        var parameters = LearnerModelParameters.Default with { Items = new Dictionary<string, ItemParameters> { ["q-9"] = new(0, -1, 1) } };
        using var stream = new MemoryStream();
        await parameters.SaveAsync(stream, CancellationToken.None);

        var exception = await Assert.ThrowsAsync<InvalidDataException>(() => Load(Encoding.UTF8.GetString(stream.ToArray())));

        Assert.Contains("q-9", exception.Message, StringComparison.Ordinal);
    }

    private static async Task<LearnerModelParameters> Load(string content)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));
        return await LearnerModelParameters.LoadAsync(stream, CancellationToken.None);
    }
}
