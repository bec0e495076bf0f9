using System.Security.Claims;

namespace MasteryEngine.ServiceDefaults.Security;

/// <summary>The caller's user id and roles, read from a validated token the same way in every service.</summary>
public static class TokenClaims
{
    /// <summary>From <c>sub</c>, else <c>user_id</c>; null when neither names anyone.</summary>
    public static string? UserIdOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var userId = user.FindFirst(MasteryClaimTypes.Subject)?.Value ?? user.FindFirst(MasteryClaimTypes.UserId)?.Value;
        return string.IsNullOrWhiteSpace(userId) ? null : userId;
    }

    /// <summary>From <c>roles</c> (an array, or one comma-separated string) and <c>role</c>, lower-cased.</summary>
    public static IReadOnlySet<string> RolesOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindAll(MasteryClaimTypes.Roles)
            .Concat(user.FindAll(MasteryClaimTypes.Role))
            .SelectMany(claim => ListOf(claim.Value))
            .Select(role => role.ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>A claim that holds a list: each array element arrives as its own claim, a string may list several.</summary>
    public static string[] ListOf(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
