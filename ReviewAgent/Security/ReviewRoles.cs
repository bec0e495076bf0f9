namespace MasteryEngine.ReviewAgent.Security;

public static class ReviewRoles
{
    public const string Student = "student";
    public const string Teacher = "teacher";
    public const string Admin = "admin";
}
