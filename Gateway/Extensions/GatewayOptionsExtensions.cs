using System.Globalization;
using MasteryEngine.Gateway.Hosting;
using MasteryEngine.Gateway.Options;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Gateway.Extensions;

public static class GatewayOptionsExtensions
{
    private const int DefaultPort = 8005;

    /// <summary>
    /// Binds the gateway's options from appsettings, lets the seeds' environment variables (<c>JWT_SECRET</c>,
    /// <c>GDPR_RETENTION_DAYS</c>, <c>RATE_LIMIT_ENABLED</c>, ...) override them, and validates them at start-up.
    /// The overrides read configuration when options are first resolved, so settings added late (tests) count too.
    /// </summary>
    public static WebApplicationBuilder AddGatewayOptions(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        // The development secret is public: it may sign tokens only where no one else can send them.
        builder.Services.AddMasteryJwtOptions(configuration, ListenAddresses.AreLoopbackOnly);

        builder.Services.AddOptions<GatewayOptions>()
            .Bind(configuration.GetSection(GatewayOptions.SectionName))
            .Configure(options =>
            {
                options.RetentionDays = configuration.GetValue("GDPR_RETENTION_DAYS", options.RetentionDays);
                options.MaxRequestBodyBytes = configuration.GetValue("MAX_REQUEST_BODY_BYTES", options.MaxRequestBodyBytes);
                options.StorageProvider = (configuration["STORAGE_PROVIDER"] ?? options.StorageProvider).Trim().ToLowerInvariant();
                options.StreamProvider = (configuration["STREAM_PROVIDER"] ?? options.StreamProvider).Trim().ToLowerInvariant();
            })
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>();

        builder.Services.AddOptions<GatewayRateLimitOptions>()
            .Bind(configuration.GetSection(GatewayRateLimitOptions.SectionName))
            .Configure(options =>
            {
                options.Enabled = configuration.GetValue("RATE_LIMIT_ENABLED", options.Enabled);
                if (configuration["MAX_CONCURRENT_REQUESTS"] is { } concurrent)
                {
                    // Anything but a whole number becomes 0, which validation refuses with a message naming the variable.
                    options.MaxConcurrentRequests = int.TryParse(concurrent, NumberStyles.None, CultureInfo.InvariantCulture, out var bound) ? bound : 0;
                }
                if (configuration["RATE_LIMIT_EXEMPT_PATHS"] is { } exempt)
                {
                    options.ExemptPaths = [.. exempt.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
                }
            })
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<GatewayRateLimitOptions>, GatewayRateLimitOptionsValidator>();

        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>
    /// Port 8005 unless <c>ASPNETCORE_URLS</c> (or <c>--urls</c>) says otherwise; <c>PORT</c> changes the port.
    /// Development listens on loopback only (it may run with the public development secret), any other environment
    /// on every interface (a pod is reached through its own address).
    /// </summary>
    public static WebApplicationBuilder UseGatewayPort(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
        {
            var port = builder.Configuration.GetValue("PORT", DefaultPort);
            if (port is < 1 or > 65535)
            {
                throw new InvalidOperationException($"PORT must be between 1 and 65535; it is {port}.");
            }

            var host = builder.Environment.IsDevelopment() ? "127.0.0.1" : "0.0.0.0";
            builder.WebHost.UseUrls($"http://{host}:{port}");
        }

        return builder;
    }
}
