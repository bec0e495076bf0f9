using System.Security.Claims;

namespace MasteryEngine.Gateway.Security;

/// <summary>
/// Who is calling, read from the validated token: the user id from <c>sub</c> (or <c>user_id</c>), roles from
/// <c>roles</c> (array) or <c>role</c>, a teacher's cohorts from <c>cohorts</c> (array, or one comma-separated string).
/// </summary>
public sealed record CallerIdentity(string? UserId, IReadOnlySet<string> Roles, IReadOnlySet<string> Cohorts)
{
    public bool IsAdmin => Roles.Contains(MasteryRoles.Admin);

    public bool IsTeacher => Roles.Contains(MasteryRoles.Teacher);

    public bool IsStudent => Roles.Contains(MasteryRoles.Student);

    public static CallerIdentity From(ClaimsPrincipal user)
    {
        var cohorts = user.FindAll(MasteryClaimTypes.Cohorts)
            .SelectMany(claim => TokenClaims.ListOf(claim.Value))
            .ToHashSet(StringComparer.Ordinal);
        return new CallerIdentity(TokenClaims.UserIdOf(user), TokenClaims.RolesOf(user), cohorts);
    }
}
