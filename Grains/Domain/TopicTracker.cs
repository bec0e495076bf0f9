using System.Text.Json.Serialization;
using MasteryEngine.Grains.Domain.Learning;

namespace MasteryEngine.Grains.Domain;

/// <summary>
/// The components within one topic (e.g. <c>python.loops</c>), kept beside the overall ones, and the learner
/// model's knowledge of it once the student answered items of it (null before, so topics without answers
/// store nothing more).
/// </summary>
public sealed class TopicTracker : ComponentTracker
{
    public string Name { get; set; } = "";

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TopicKnowledge? Knowledge { get; set; }

    /// <summary>The learner model counts the topic as mastered (see <see cref="TopicMasteryCrossing"/>); omitted while false.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Mastered { get; set; }

    public new TopicTracker Clone()
    {
        var copy = new TopicTracker { Name = Name, Knowledge = Knowledge, Mastered = Mastered };
        CopyTo(copy);
        return copy;
    }
}
