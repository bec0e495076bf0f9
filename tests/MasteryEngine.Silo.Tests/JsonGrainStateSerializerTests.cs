using System.Text;
using System.Text.Json.Serialization;
using MasteryEngine.Silo.Storage;

namespace MasteryEngine.Silo.Tests;

public sealed partial class JsonGrainStateSerializerTests
{
    public sealed class SampleState
    {
        public int StudentCount { get; set; }

        public Dictionary<string, double> TopicScores { get; set; } = [];
    }

    [JsonSerializable(typeof(SampleState))]
    internal sealed partial class SampleStateContext : JsonSerializerContext;

    [Fact]
    public void State_is_stored_as_snake_case_json()
    {
        var serializer = new JsonGrainStateSerializer([]);

        var json = Encoding.UTF8.GetString(serializer.Serialize(new SampleState { StudentCount = 3 }));

        Assert.Contains("\"student_count\":3", json, StringComparison.Ordinal);
    }

    [Fact]
    public void State_round_trips_with_a_registered_source_generated_resolver()
    {
        var serializer = new JsonGrainStateSerializer([SampleStateContext.Default]);
        var state = new SampleState { StudentCount = 2, TopicScores = { ["algebra"] = 0.5 } };

        var copy = serializer.Deserialize<SampleState>(serializer.Serialize(state));

        Assert.Equal(2, copy.StudentCount);
        Assert.Equal(0.5, copy.TopicScores["algebra"]);
    }

    [Fact]
    public void Types_unknown_to_the_registered_resolvers_fall_back_to_reflection()
    {
        var serializer = new JsonGrainStateSerializer([SampleStateContext.Default]);

        var copy = serializer.Deserialize<List<int>>(serializer.Serialize(new List<int> { 1, 2 }));

        Assert.Equal([1, 2], copy);
    }
}
