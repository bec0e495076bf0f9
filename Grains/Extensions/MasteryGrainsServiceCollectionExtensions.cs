using System.Globalization;
using MasteryEngine.Grains.Domain;
using MasteryEngine.Grains.Domain.Learning;
using MasteryEngine.Grains.Domain.Xapi;
using MasteryEngine.Grains.Learning;
using MasteryEngine.Grains.Observability;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Grains;

public static class MasteryGrainsServiceCollectionExtensions
{
    /// <summary>
    /// Registers what the mastery grains need: <see cref="MasteryOptions"/> bound from the section
    /// <c>Mastery</c> (with <c>GDPR_RETENTION_DAYS</c> overriding the retention) and validated at start-up, the
    /// domain metrics, <see cref="XapiOptions"/> from the section <c>Xapi</c>, the learner model (default parameters unless one is registered), the silo's item cache, and
    /// <see cref="TimeProvider.System"/> unless a clock is already registered.
    /// </summary>
    public static IServiceCollection AddMasteryGrains(this IServiceCollection services, IConfiguration? configuration = null)
    {
        var mastery = services.AddOptions<MasteryOptions>();
        if (configuration is not null)
        {
            mastery.Bind(configuration.GetSection(MasteryOptions.SectionName));
            mastery.PostConfigure(options =>
            {
                options.RetentionDays = DaysVariable(MasteryOptions.RetentionDaysVariable, configuration) ?? options.RetentionDays;
                options.IdempotencyWindowDays = DaysVariable(MasteryOptions.IdempotencyWindowDaysVariable, configuration) ?? options.IdempotencyWindowDays;
            });
        }

        mastery.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MasteryOptions>, MasteryOptionsValidator>());
        var xapi = services.AddOptions<XapiOptions>();
        if (configuration is not null)
        {
            xapi.Bind(configuration.GetSection(XapiOptions.SectionName));
        }

        xapi.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<XapiOptions>, XapiOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<MasteryMetrics>();

        // A host that loads calibrated parameters registers its LearnerModel first; otherwise the defaults.
        services.TryAddSingleton(new LearnerModel(LearnerModelParameters.Default));
        services.TryAddSingleton<ItemEstimateCache>();
        services.AddComplianceAuditLog(configuration);
        return services;
    }

    private static int? DaysVariable(string name, IConfiguration configuration)
    {
        var value = configuration[name];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var days))
        {
            throw new OptionsValidationException(
                Options.DefaultName,
                typeof(MasteryOptions),
                [$"{name} must be a whole number of days (at least 1); got '{value}'."]);
        }

        return days;
    }
}
