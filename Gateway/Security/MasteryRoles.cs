namespace MasteryEngine.Gateway.Security;

public static class MasteryRoles
{
    public const string Student = "student";
    public const string Teacher = "teacher";
    public const string Admin = "admin";
}
