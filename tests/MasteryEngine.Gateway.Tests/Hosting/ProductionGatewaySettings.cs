using MasteryEngine.Gateway.Options;
using MasteryEngine.Gateway.Security;

namespace MasteryEngine.Gateway.Tests.Hosting;

/// <summary>
/// The environment deploy/k8s gives a pod (Production, a real secret, the drain budget of the ConfigMap), with the
/// differences a load test on one machine needs: no rate limit (the load would be throttled) and warnings only
/// (a JSON line per request would cost the gateway more than the requests).
/// </summary>
public static class ProductionGatewaySettings
{
    /// <summary><c>DOTNET_SHUTDOWNTIMEOUTSECONDS</c> in deploy/k8s/configmap.yaml.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);

    /// <summary>terminationGracePeriodSeconds (45) minus the preStop sleep (5): when the kubelet sends SIGKILL after SIGTERM.</summary>
    public static readonly TimeSpan SigkillAfterSigterm = TimeSpan.FromSeconds(40);

    private const string Secret = "sigterm-tests-production-secret-of-48-bytes-long!";

    public static Dictionary<string, string> Create() => new()
    {
        ["ENVIRONMENT"] = "production",
        ["JWT_SECRET"] = Secret,
        ["RATE_LIMIT_ENABLED"] = "false",
        ["LOG_LEVEL"] = "WARNING",
        ["DOTNET_SHUTDOWNTIMEOUTSECONDS"] = ((int)ShutdownTimeout.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>An admin token signed by the service's own issuer with the secret above (admins may write for any student).</summary>
    public static string AdminToken() =>
        new TokenIssuer(new JwtOptions { Secret = Secret }, TimeProvider.System).Issue("admin_load", [MasteryRoles.Admin], [], TimeSpan.FromMinutes(30));
}
