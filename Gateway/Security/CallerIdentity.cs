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
        var userId = user.FindFirst(MasteryClaimTypes.Subject)?.Value ?? user.FindFirst(MasteryClaimTypes.UserId)?.Value;
        var roles = user.FindAll(MasteryClaimTypes.Roles)
            .Concat(user.FindAll(MasteryClaimTypes.Role))
            .SelectMany(claim => SplitList(claim.Value))
            .Select(role => role.ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);
        var cohorts = user.FindAll(MasteryClaimTypes.Cohorts)
            .SelectMany(claim => SplitList(claim.Value))
            .ToHashSet(StringComparer.Ordinal);
        return new CallerIdentity(string.IsNullOrWhiteSpace(userId) ? null : userId, roles, cohorts);
    }

    private static string[] SplitList(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
