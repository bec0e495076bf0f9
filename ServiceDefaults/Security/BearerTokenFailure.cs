namespace MasteryEngine.ServiceDefaults.Security;

/// <summary>Why the bearer handler refused a request's token, kept for the problem writer's 401 detail.</summary>
public static class BearerTokenFailure
{
    private const string ItemKey = "mastery.authentication_failure";

    public const string NoUser = "The bearer token names no user: it needs a 'sub' or 'user_id' claim.";

    public static void Keep(HttpContext context, string reason) => context.Items[ItemKey] = reason;

    /// <summary>The reason the handler gave, or <paramref name="missingToken"/> (the service's own advice) when it gave none.</summary>
    public static string ReasonOr(HttpContext context, string missingToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[ItemKey] as string ?? missingToken;
    }
}
