namespace MasteryEngine.Gateway.Security;

public static class AuthorizationPolicies
{
    /// <summary>Any valid token.</summary>
    public const string Authenticated = "authenticated";

    /// <summary>A valid token with the <c>admin</c> role.</summary>
    public const string Admin = "admin";
}
