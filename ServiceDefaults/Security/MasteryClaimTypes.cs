namespace MasteryEngine.ServiceDefaults.Security;

/// <summary>The token claims the services read (inbound claim mapping is off, so these are the JWT names).</summary>
public static class MasteryClaimTypes
{
    public const string Subject = "sub";
    public const string UserId = "user_id";
    public const string Roles = "roles";
    public const string Role = "role";
    public const string Cohorts = "cohorts";
}
