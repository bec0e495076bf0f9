using System.Text.Json.Nodes;

namespace MasteryEngine.Gateway.Demo;

/// <summary>
/// Generates a realistic demo cohort: two classes working through five topics for some weeks, each student
/// with a profile (excelling, steady, improving, declining, stalled, struggling) that shapes how often they
/// work, how their quiz and code-quality scores move, and how fast they finish exercises. Pure and deterministic.
/// </summary>
public static class DemoCohortPlan
{
    public const string TeacherId = "teacher_1";
    public static readonly IReadOnlyList<string> CohortIds = ["cohort_a", "cohort_b"];
    public static readonly IReadOnlyList<string> Topics = ["variables", "loops", "functions", "lists", "recursion"];
    public const int ExercisesPerTopic = 10;

    private static readonly string[] Names =
    [
        "amara", "ben", "chen", "dara", "emil", "farah", "gus", "hana",
        "ines", "jonas", "kofi", "lena", "milo", "nia", "omar", "priya",
        "quinn", "rosa", "sami", "tariq", "uma", "vik", "wen", "yara",
    ];

    private static readonly DemoProfile[] ProfileCycle =
    [
        DemoProfile.Excelling, DemoProfile.Steady, DemoProfile.Improving, DemoProfile.Declining,
        DemoProfile.Steady, DemoProfile.Stalled, DemoProfile.Struggling, DemoProfile.Improving,
    ];

    public const int MaxStudents = 24;

    /// <param name="today">The last day of the seeded period (UTC).</param>
    /// <param name="students">1..<see cref="MaxStudents"/>, split over the two cohorts.</param>
    /// <param name="days">Length of the period, today included.</param>
    public static DemoCohort Create(DateOnly today, int students, int days, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(students, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(students, MaxStudents);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);

        var roster = Enumerable.Range(0, students)
            .Select(i => new DemoStudent("student_" + Names[i], CohortIds[i % CohortIds.Count], ProfileCycle[(i / CohortIds.Count + i) % ProfileCycle.Length]))
            .ToList();
        var events = roster.SelectMany((student, index) => EventsOf(student, index, today, days, seed))
            .OrderBy(e => e.Timestamp)
            .ThenBy(e => e.EventId, StringComparer.Ordinal)
            .ToList();
        return new DemoCohort(roster, TeacherId, CohortIds, events);
    }

    private static IEnumerable<DemoEvent> EventsOf(DemoStudent student, int index, DateOnly today, int days, int seed)
    {
        var completed = new int[Topics.Count];
        for (var day = 0; day < days; day++)
        {
            var progress = days == 1 ? 1.0 : (double)day / (days - 1);
            if (DemoNoise.Of(seed, index, day, 0) >= ActivityChance(student.Profile, progress))
            {
                continue;
            }

            var date = today.AddDays(day - days + 1);
            var topicIndex = Math.Min(Topics.Count - 1, (int)(progress * Topics.Count));
            var topic = Topics[topicIndex];
            var skill = Math.Clamp(Skill(student.Profile, progress) + ((DemoNoise.Of(seed, index, day, 1) - 0.5) * 0.2), 0, 1);
            var at = date.ToDateTime(new TimeOnly(8 + (int)(DemoNoise.Of(seed, index, day, 2) * 12), (int)(DemoNoise.Of(seed, index, day, 3) * 60)), DateTimeKind.Utc);
            var idPrefix = $"demo:{student.StudentId}:{date:yyyyMMdd}:";

            // About 1.4 events per active day: enough to move every component, few enough that a rate-limited
            // gateway (50 requests a minute per user) takes each student's history in about a minute.
            var reportsProgress = DemoNoise.Of(seed, index, day, 4) < ProgressChance(student.Profile, progress);
            var takesQuiz = DemoNoise.Of(seed, index, day, 5) < 0.5 || !reportsProgress;
            var isReviewed = DemoNoise.Of(seed, index, day, 6) < 0.25;
            if (reportsProgress)
            {
                completed[topicIndex] = Math.Min(ExercisesPerTopic, completed[topicIndex] + ExercisesPerSession(student.Profile));
                yield return new DemoEvent(student.StudentId, idPrefix + "completion", "completion", topic, at, new JsonObject
                {
                    ["total_exercises"] = ExercisesPerTopic,
                    ["completed_exercises"] = completed[topicIndex],
                    ["difficulty"] = topicIndex < 2 ? "beginner" : "intermediate",
                });
            }

            if (takesQuiz)
            {
                yield return new DemoEvent(student.StudentId, idPrefix + "quiz", "quiz", topic, at.AddMinutes(20), new JsonObject
                {
                    ["score"] = Math.Round(skill * 10),
                    ["max_score"] = 10,
                });
            }

            if (isReviewed)
            {
                yield return new DemoEvent(student.StudentId, idPrefix + "quality", "quality", topic, at.AddMinutes(40), new JsonObject
                {
                    ["score"] = Math.Round(Math.Clamp(skill - 0.05, 0, 1), 2),
                });
            }
        }
    }

    /// <summary>The chance of working on a given day, at a point of the period (0 = first day, 1 = today).</summary>
    public static double ActivityChance(DemoProfile profile, double progress) => profile switch
    {
        DemoProfile.Excelling => 0.8,
        DemoProfile.Steady => 0.55,
        DemoProfile.Improving => 0.3 + (0.55 * progress),
        DemoProfile.Declining => 0.75 - (0.5 * progress),
        DemoProfile.Stalled => progress < 0.65 ? 0.6 : 0,
        DemoProfile.Struggling => 0.35,
        _ => throw new ArgumentOutOfRangeException(nameof(profile)),
    };

    /// <summary>The expected quiz result (share of the maximum) at a point of the period.</summary>
    public static double Skill(DemoProfile profile, double progress) => profile switch
    {
        DemoProfile.Excelling => 0.8 + (0.15 * progress),
        DemoProfile.Steady => 0.68,
        DemoProfile.Improving => 0.4 + (0.45 * progress),
        DemoProfile.Declining => progress < 0.5 ? 0.82 : 0.82 - (1.0 * (progress - 0.5)),
        DemoProfile.Stalled => 0.62,
        DemoProfile.Struggling => 0.3 + (0.1 * progress),
        _ => throw new ArgumentOutOfRangeException(nameof(profile)),
    };

    /// <summary>The chance that a working day moves exercises forward; a declining student stops finishing them.</summary>
    public static double ProgressChance(DemoProfile profile, double progress) =>
        profile == DemoProfile.Declining && progress > 0.5 ? 0 : 0.6;

    private static int ExercisesPerSession(DemoProfile profile) => profile switch
    {
        DemoProfile.Excelling => 3,
        DemoProfile.Struggling => 1,
        _ => 2,
    };
}
