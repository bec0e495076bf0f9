namespace MasteryEngine.Grains.Domain.Learning.Calibration;

/// <summary>
/// Splits students, never their answers, into folds: every student's whole sequence is in exactly one fold, so a
/// model is always evaluated on students it has not been fitted on. The split is a seeded shuffle: the same log
/// and seed give the same folds.
/// </summary>
public static class StudentFolds
{
    /// <returns>The fold of each student, 0 to <paramref name="folds"/> − 1.</returns>
    public static int[] Assign(int students, int folds, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var order = new int[students];
        for (var s = 0; s < students; s++)
        {
            order[s] = s;
        }

        new Random(seed).Shuffle(order);
        var fold = new int[students];
        for (var position = 0; position < students; position++)
        {
            fold[order[position]] = position % folds;
        }

        return fold;
    }

    public static int[] In(int[] assignment, int fold) => Select(assignment, fold, inFold: true);

    public static int[] NotIn(int[] assignment, int fold) => Select(assignment, fold, inFold: false);

    private static int[] Select(int[] assignment, int fold, bool inFold)
    {
        var students = new List<int>();
        for (var s = 0; s < assignment.Length; s++)
        {
            if ((assignment[s] == fold) == inFold)
            {
                students.Add(s);
            }
        }

        return [.. students];
    }
}
