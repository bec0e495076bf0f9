namespace MasteryEngine.ReviewAgent.Security;

/// <summary>The token claims read, with the gateway's names (inbound claim mapping is off).</summary>
public static class ReviewClaimTypes
{
    public const string Subject = "sub";
    public const string UserId = "user_id";
    public const string Roles = "roles";
    public const string Role = "role";
}
