using System.Text.Json.Serialization;

namespace MasteryEngine.Grains.Domain;

/// <summary>
/// The evidence behind one set of components (the student overall, or one topic):
/// <list type="bullet">
/// <item>completion = completed / total exercises, from progress reports and exercise completions;</item>
/// <item>quiz and quality = exponentially weighted moving averages, the first observation setting the value;</item>
/// <item>consistency = from the activity days (see <see cref="ConsistencyCalculator"/>), never stored as a number
/// except when an on-demand calculation states it.</item>
/// </list>
/// An on-demand calculation sets completion, quiz and quality to the stated values, which later events move from.
/// </summary>
public class ComponentTracker
{
    public double Completion { get; set; }

    public double Quiz { get; set; }

    public double Quality { get; set; }

    public int CompletedExercises { get; set; }

    public int TotalExercises { get; set; }

    public ObservedComponents Observed { get; set; }

    /// <summary>The consistency an on-demand calculation stated, and the day it did.</summary>
    public double? StatedConsistency { get; set; }

    public int StatedConsistencyDay { get; set; }

    public ActivityLog Activity { get; set; } = new();

    [JsonIgnore]
    public bool HasData => Observed != ObservedComponents.None || StatedConsistency is not null || !Activity.IsEmpty;

    public ComponentScores Components(int today, int consistencyWindowDays) => new(
        Completion,
        Quiz,
        Quality,
        ConsistencyCalculator.Consistency(Activity, today, consistencyWindowDays, StatedConsistency, StatedConsistencyDay));

    /// <summary>A progress report: completed of total exercises done.</summary>
    public void ReportProgress(int completed, int total)
    {
        CompletedExercises = completed;
        TotalExercises = total;
        UpdateCompletion();
    }

    /// <summary>One more exercise done; a given total replaces the known one.</summary>
    public void CompleteExercise(int? total)
    {
        if (total is { } newTotal)
        {
            TotalExercises = newTotal;
        }

        CompletedExercises = TotalExercises > 0 ? Math.Min(CompletedExercises + 1, TotalExercises) : CompletedExercises + 1;
        UpdateCompletion();
    }

    /// <summary>Adds a topic's change in counts to the overall counts, so overall completion covers every topic.</summary>
    public void AddProgress(int completedDelta, int totalDelta)
    {
        CompletedExercises = Math.Max(0, CompletedExercises + completedDelta);
        TotalExercises = Math.Max(0, TotalExercises + totalDelta);
        UpdateCompletion();
    }

    public void RecordQuiz(double ratio, double alpha)
    {
        Quiz = Ewma.Next(Observed.HasFlag(ObservedComponents.Quiz) ? Quiz : null, ratio, alpha);
        Observed |= ObservedComponents.Quiz;
    }

    public void RecordQuality(double score, double alpha)
    {
        Quality = Ewma.Next(Observed.HasFlag(ObservedComponents.Quality) ? Quality : null, score, alpha);
        Observed |= ObservedComponents.Quality;
    }

    public void RecordActivity(int day) => Activity.Record(day);

    /// <summary>An on-demand calculation: the stated scores replace the current ones.</summary>
    public void State(ComponentScores scores, int today)
    {
        Completion = scores.Completion;
        Quiz = scores.Quiz;
        Quality = scores.Quality;
        StatedConsistency = scores.Consistency;
        StatedConsistencyDay = today;
        Observed = ObservedComponents.Completion | ObservedComponents.Quiz | ObservedComponents.Quality;
    }

    protected void CopyTo(ComponentTracker copy)
    {
        copy.Completion = Completion;
        copy.Quiz = Quiz;
        copy.Quality = Quality;
        copy.CompletedExercises = CompletedExercises;
        copy.TotalExercises = TotalExercises;
        copy.Observed = Observed;
        copy.StatedConsistency = StatedConsistency;
        copy.StatedConsistencyDay = StatedConsistencyDay;
        copy.Activity = Activity.Clone();
    }

    public ComponentTracker Clone()
    {
        var copy = new ComponentTracker();
        CopyTo(copy);
        return copy;
    }

    private void UpdateCompletion()
    {
        if (TotalExercises <= 0)
        {
            return;
        }

        Completion = (double)Math.Min(CompletedExercises, TotalExercises) / TotalExercises;
        Observed |= ObservedComponents.Completion;
    }
}
