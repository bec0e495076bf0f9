using System.Text.Json.Serialization;

namespace MasteryEngine.Grains.Domain;

/// <summary>The last calculation of one day (<see cref="Day"/> is a UTC <see cref="DateOnly.DayNumber"/>).</summary>
public readonly record struct DailySnapshot(int Day, double Mastery, double Completion, double Quiz, double Quality, double Consistency)
{
    [JsonIgnore]
    public ComponentScores Components => new(Completion, Quiz, Quality, Consistency);

    public static DailySnapshot Of(int day, double mastery, ComponentScores components) =>
        new(day, mastery, components.Completion, components.Quiz, components.Quality, components.Consistency);
}
