using MasteryEngine.ReviewAgent.Observability;
using MasteryEngine.ReviewAgent.Options;
using Microsoft.Extensions.Options;

namespace MasteryEngine.ReviewAgent.Extensions;

public static class ReviewOptionsExtensions
{
    private const int DefaultPort = 8004;

    /// <summary>
    /// Binds every options class from appsettings, lets the runbook's environment variables override them
    /// (<c>JWT_SECRET</c>, <c>KAFKA_ENABLED</c>, <c>KAFKA_BROKER</c>, <c>KAFKA_TOPIC</c>, <c>MASTERY_ENGINE_URL</c>, ...)
    /// and validates them at start-up.
    /// </summary>
    public static WebApplicationBuilder AddReviewOptions(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        services.AddMasteryJwtOptions(configuration, developmentSecretAllowed: _ => true);

        services.AddOptions<RateLimitOptions>()
            .Bind(configuration.GetSection(RateLimitOptions.SectionName))
            .Configure(options => options.Enabled = configuration.GetValue("RATE_LIMIT_ENABLED", options.Enabled))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();

        services.AddOptions<ReviewOptions>()
            .Bind(configuration.GetSection(ReviewOptions.SectionName))
            .Configure(options => options.MaxRequestBodyBytes = configuration.GetValue("MAX_REQUEST_BODY_BYTES", options.MaxRequestBodyBytes))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReviewOptions>, ReviewOptionsValidator>();

        services.AddOptions<SandboxOptions>().Bind(configuration.GetSection(SandboxOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SandboxOptions>, SandboxOptionsValidator>();

        services.AddOptions<MasteryFeedOptions>()
            .Bind(configuration.GetSection(MasteryFeedOptions.SectionName))
            .Configure(options =>
            {
                options.Url = configuration["MASTERY_ENGINE_URL"] is { Length: > 0 } url ? url : options.Url;
                options.Enabled = configuration.GetValue("MASTERY_FEED_ENABLED", options.Enabled);
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<MasteryFeedOptions>, MasteryFeedOptionsValidator>();

        services.AddOptions<KafkaOptions>()
            .Bind(configuration.GetSection(KafkaOptions.SectionName))
            .Configure(options =>
            {
                options.Enabled = configuration.GetValue("KAFKA_ENABLED", options.Enabled);
                options.Broker = configuration["KAFKA_BROKER"] is { Length: > 0 } broker ? broker : options.Broker;
                options.RequestsTopic = configuration["KAFKA_TOPIC"] is { Length: > 0 } topic ? topic : options.RequestsTopic;
                options.ResultsTopic = configuration["KAFKA_RESULTS_TOPIC"] is { Length: > 0 } results ? results : options.ResultsTopic;
                options.DeadLetterTopic = configuration["KAFKA_DLQ_TOPIC"] is { Length: > 0 } dlq ? dlq : options.DeadLetterTopic;
                options.MasteryTopic = configuration["KAFKA_MASTERY_TOPIC"] is { Length: > 0 } mastery ? mastery : options.MasteryTopic;
                options.GroupId = configuration["KAFKA_GROUP_ID"] is { Length: > 0 } group ? group : options.GroupId;
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<KafkaOptions>, KafkaOptionsValidator>();

        services.AddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>Port 8004 unless <c>ASPNETCORE_URLS</c> (or <c>--urls</c>) says otherwise; <c>PORT</c> changes the port.</summary>
    public static WebApplicationBuilder UseReviewAgentPort(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
        {
            var port = builder.Configuration.GetValue("PORT", DefaultPort);
            if (port is < 1 or > 65535)
            {
                throw new InvalidOperationException($"PORT must be between 1 and 65535; it is {port}.");
            }

            builder.WebHost.UseUrls($"http://0.0.0.0:{port}");
        }

        return builder;
    }

    /// <summary><c>LOG_LEVEL</c> (DEBUG, INFO, WARNING, ERROR, CRITICAL); JSON lines outside Development.</summary>
    public static WebApplicationBuilder UseReviewAgentLogging(this WebApplicationBuilder builder)
    {
        var text = builder.Configuration["LOG_LEVEL"];
        if (text is { Length: > 0 })
        {
            if (!LogLevelNames.TryParse(text, out var level))
            {
                throw new InvalidOperationException("LOG_LEVEL must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL.");
            }

            builder.Logging.SetMinimumLevel(level);
            builder.Logging.AddFilter("Microsoft.AspNetCore", level > LogLevel.Warning ? level : LogLevel.Warning);
        }

        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(options => options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ");
        }

        return builder;
    }
}
