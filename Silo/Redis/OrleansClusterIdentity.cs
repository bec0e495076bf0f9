using Microsoft.Extensions.Configuration;
using Orleans.Configuration;

namespace MasteryEngine.Silo.Redis;

/// <summary>
/// Which Orleans cluster a silo or client joins: <c>ORLEANS_CLUSTER_ID</c> and <c>ORLEANS_SERVICE_ID</c>. Silos
/// and clients on one Redis with the same pair form one cluster; the service id also scopes the membership key.
/// </summary>
public static class OrleansClusterIdentity
{
    public const string DefaultClusterId = "mastery-engine";

    public const string DefaultServiceId = "mastery-engine";

    public static void Apply(IConfiguration configuration, ClusterOptions options)
    {
        options.ClusterId = NonEmpty(configuration["ORLEANS_CLUSTER_ID"]) ?? DefaultClusterId;
        options.ServiceId = NonEmpty(configuration["ORLEANS_SERVICE_ID"]) ?? DefaultServiceId;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
