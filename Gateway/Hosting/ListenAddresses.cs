using System.Net;

namespace MasteryEngine.Gateway.Hosting;

/// <summary>Whether the server is configured to listen on the loopback interface only (where a public development secret is harmless).</summary>
public static class ListenAddresses
{
    /// <summary>
    /// True when every configured address (<c>urls</c>, Kestrel endpoints) is loopback. <c>http_ports</c> and
    /// <c>https_ports</c> bind every interface. Nothing configured means the gateway's own default, which is
    /// loopback in Development (<see cref="Extensions.GatewayOptionsExtensions.UseGatewayPort"/>).
    /// </summary>
    public static bool AreLoopbackOnly(IConfiguration configuration)
    {
        if (!string.IsNullOrEmpty(configuration["http_ports"]) || !string.IsNullOrEmpty(configuration["https_ports"]))
        {
            return false;
        }

        var urls = (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(endpoint => endpoint["Url"] ?? ""));
        return urls.All(IsLoopback);
    }

    public static bool IsLoopback(string url)
    {
        BindingAddress address;
        try
        {
            address = BindingAddress.Parse(url);
        }
        catch (FormatException)
        {
            return false;
        }

        return address.IsUnixPipe
            || address.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }
}
