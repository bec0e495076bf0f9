using MasteryEngine.Gateway.Tests.Infrastructure;

namespace MasteryEngine.Gateway.Tests.Security;

/// <summary>
/// The gateway on real Kestrel (a free loopback port) instead of the TestServer: what only the real server does
/// (reading chunked bodies against the size limit, framing errors) is then what the tests see. The rate limit is
/// on, high enough for the tests of one class, so that a test can reach it on purpose.
/// </summary>
public sealed class KestrelGatewayFactory : GatewayFactory
{
    public const int PermitLimit = 40;

    public KestrelGatewayFactory() : base("Development", new Dictionary<string, string?>
    {
        ["RATE_LIMIT_ENABLED"] = "true",
        ["RateLimiting:PermitLimit"] = PermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimiting:Window"] = "00:10:00",
    })
    {
        UseKestrel(0);
    }
}
