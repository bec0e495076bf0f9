using System.Security.Claims;

namespace MasteryEngine.ReviewAgent.Security;

/// <summary>Who is calling: the user from <c>sub</c> (or <c>user_id</c>), roles from <c>roles</c> or <c>role</c>, as the gateway reads them.</summary>
public sealed record CallerIdentity(string? UserId, IReadOnlySet<string> Roles)
{
    public bool IsAdmin => Roles.Contains(ReviewRoles.Admin);

    /// <summary>
    /// An assessment moves the student's mastery, so only the student themself or an admin may ask for one. A
    /// teacher's cohorts live in the Mastery Engine, which this service does not ask.
    /// </summary>
    public bool MayAssessFor(string studentId) => IsAdmin || (Roles.Contains(ReviewRoles.Student) && UserId == studentId);

    public static CallerIdentity From(ClaimsPrincipal user)
    {
        return new CallerIdentity(TokenClaims.UserIdOf(user), TokenClaims.RolesOf(user));
    }
}
