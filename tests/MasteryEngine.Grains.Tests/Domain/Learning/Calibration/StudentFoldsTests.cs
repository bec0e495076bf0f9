using MasteryEngine.Grains.Domain.Learning.Calibration;

namespace MasteryEngine.Grains.Tests.Domain.Learning.Calibration;

public class StudentFoldsTests
{
    [Theory]
    [InlineData(10, 5)]
    [InlineData(7, 3)]
    [InlineData(225, 5)]
    public void Every_student_is_in_exactly_one_fold_and_folds_are_even(int students, int folds)
    {
        var assignment = StudentFolds.Assign(students, folds, seed: 3);

        for (var fold = 0; fold < folds; fold++)
        {
            Assert.Empty(StudentFolds.In(assignment, fold).Intersect(StudentFolds.NotIn(assignment, fold)));
            Assert.Equal(students, StudentFolds.In(assignment, fold).Length + StudentFolds.NotIn(assignment, fold).Length);
            Assert.InRange(StudentFolds.In(assignment, fold).Length, students / folds, students / folds + 1);
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_folds_and_another_seed_others()
    {
        Assert.Equal(StudentFolds.Assign(50, 5, 1), StudentFolds.Assign(50, 5, 1));
        Assert.NotEqual(StudentFolds.Assign(50, 5, 1), StudentFolds.Assign(50, 5, 2));
    }
}
