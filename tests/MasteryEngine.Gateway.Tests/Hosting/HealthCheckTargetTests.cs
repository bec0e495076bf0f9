using MasteryEngine.Gateway.Hosting;

namespace MasteryEngine.Gateway.Tests.Hosting;

/// <summary><c>healthcheck</c> asks the port the server listens on, read from the same settings in the same order.</summary>
public sealed class HealthCheckTargetTests
{
    [Theory]
    [InlineData(null, null, null, "http://127.0.0.1:8005/health")]
    [InlineData(null, null, "9100", "http://127.0.0.1:9100/health")]
    [InlineData(null, "8080", "9100", "http://127.0.0.1:8080/health")]
    [InlineData(null, "8080;8081", null, "http://127.0.0.1:8080/health")]
    [InlineData("http://0.0.0.0:7000", "8080", "9100", "http://127.0.0.1:7000/health")]
    [InlineData("http://+:7001;http://127.0.0.1:7002", null, null, "http://127.0.0.1:7001/health")]
    [InlineData("http://*:7003", null, null, "http://127.0.0.1:7003/health")]
    [InlineData("http://localhost:7004", null, null, "http://127.0.0.1:7004/health")]
    [InlineData("http://127.0.0.5:7005", null, null, "http://127.0.0.5:7005/health")]
    [InlineData("http://[::]:7006", null, null, "http://127.0.0.1:7006/health")]
    public void Target_follows_urls_then_http_ports_then_port(string? urls, string? httpPorts, string? port, string expected)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = urls,
            ["ASPNETCORE_HTTP_PORTS"] = httpPorts,
            ["PORT"] = port,
        };

        Assert.Equal(new Uri(expected), HealthCheckTarget.From(name => environment.GetValueOrDefault(name)));
    }

    [Theory]
    [InlineData("PORT", "eighty")]
    [InlineData("PORT", "70000")]
    [InlineData("ASPNETCORE_HTTP_PORTS", "x")]
    public void A_port_that_is_not_a_port_is_refused(string name, string value)
    {
        Assert.Throws<FormatException>(() => HealthCheckTarget.From(variable => variable == name ? value : null));
    }
}
