using System.Globalization;
using MasteryEngine.Silo.Redis;
using MasteryEngine.Testing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace MasteryEngine.Redis.Tests;

/// <summary>AUTH, ACL users, TLS and the database index go through StackExchange.Redis' configuration.</summary>
public sealed class RedisConnectionSecurityTests
{
    [Fact]
    public async Task A_password_authenticates_the_default_user()
    {
        await using var server = await RedisServerProcess.StartAsync("--requirepass", "s3cret");
        await using var redis = Connect(new RedisOptions { Host = server.HostAndPort, Password = "s3cret" });

        await ConnectedAsync(redis);

        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(redis)).Status);
    }

    [Fact]
    public async Task An_acl_user_authenticates_with_its_password()
    {
        await using var server = await RedisServerProcess.StartAsync("--requirepass", "admin-pass");
        await server.CliAsync("-a", "admin-pass", "--no-auth-warning", "ACL", "SETUSER", "mastery", "on", ">app-pass", "~*", "+@all");
        await using var redis = Connect(new RedisOptions { Host = server.HostAndPort, User = "mastery", Password = "app-pass" });

        var whoami = await (await ConnectedAsync(redis)).GetDatabase().ExecuteAsync("ACL", "WHOAMI");

        Assert.Equal("mastery", whoami.ToString());
    }

    [Fact]
    public async Task A_wrong_password_makes_the_readiness_check_fail()
    {
        await using var server = await RedisServerProcess.StartAsync("--requirepass", "s3cret");
        await using var redis = Connect(new RedisOptions { Host = server.HostAndPort, Password = "wrong" });

        var result = await CheckAsync(redis);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.StartsWith("Redis is unavailable", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_configured_database_is_the_one_written()
    {
        await using var server = await RedisServerProcess.StartAsync();
        await using var redis = Connect(new RedisOptions { Host = server.HostAndPort, Database = 3 });

        await (await ConnectedAsync(redis)).GetDatabase().StringSetAsync("where", "db3");

        Assert.Equal("db3", await server.CliAsync("-n", "3", "GET", "where"));
        Assert.Equal("", await server.CliAsync("GET", "where"));
    }

    [Fact]
    public async Task A_tls_connection_to_a_server_signed_by_the_configured_ca_works()
    {
        using var certificates = TestCertificates.Create();
        var tlsPort = RedisServerProcess.FreePort();
        await using var server = await StartTlsServerAsync(certificates, tlsPort);
        await using var redis = Connect(new RedisOptions { Host = $"127.0.0.1:{tlsPort}", Tls = true, TlsCaFile = certificates.CaFile });

        await (await ConnectedAsync(redis)).GetDatabase().StringSetAsync("over-tls", "yes");

        Assert.Equal("yes", await server.CliAsync("GET", "over-tls"));
    }

    [Fact]
    public async Task A_server_certificate_from_an_untrusted_ca_is_refused()
    {
        using var certificates = TestCertificates.Create();
        using var otherCa = TestCertificates.Create();
        var tlsPort = RedisServerProcess.FreePort();
        await using var server = await StartTlsServerAsync(certificates, tlsPort);
        await using var redis = Connect(new RedisOptions { Host = $"127.0.0.1:{tlsPort}", Tls = true, TlsCaFile = otherCa.CaFile });

        Assert.Equal(HealthStatus.Unhealthy, (await CheckAsync(redis)).Status);
    }

    private static SharedRedisConnection Connect(RedisOptions options) => new(Options.Create(options));

    /// <summary>The connected multiplexer: on a loaded machine a TLS handshake may outlast the first connect attempt.</summary>
    private static async Task<IConnectionMultiplexer> ConnectedAsync(SharedRedisConnection redis)
    {
        var multiplexer = await redis.GetAsync();
        await Eventually.UntilAsync(() => multiplexer.IsConnected, TimeSpan.FromSeconds(30), "the client connects");
        return multiplexer;
    }

    private static Task<HealthCheckResult> CheckAsync(SharedRedisConnection redis) =>
        new RedisHealthCheck(redis, TimeProvider.System).CheckHealthAsync(new HealthCheckContext
        {
            Registration = new HealthCheckRegistration(RedisHealthCheck.Name, _ => null!, HealthStatus.Unhealthy, null),
        });

    private static Task<RedisServerProcess> StartTlsServerAsync(TestCertificates certificates, int tlsPort) =>
        RedisServerProcess.StartAsync(
            "--tls-port", tlsPort.ToString(CultureInfo.InvariantCulture),
            "--tls-cert-file", certificates.ServerCertificateFile,
            "--tls-key-file", certificates.ServerKeyFile,
            "--tls-ca-cert-file", certificates.CaFile,
            "--tls-auth-clients", "no");
}
