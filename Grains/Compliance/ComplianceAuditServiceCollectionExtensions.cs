using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Grains;

public static class ComplianceAuditServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="ComplianceAuditOptions"/> from the <c>Audit</c> section and <c>AUDIT_RETENTION_DAYS</c>, validated
    /// at start-up, and the memory log unless a host registered another (Redis mode does).
    /// </summary>
    public static IServiceCollection AddComplianceAuditLog(this IServiceCollection services, IConfiguration? configuration)
    {
        var audit = services.AddOptions<ComplianceAuditOptions>();
        if (configuration is not null)
        {
            audit.Bind(configuration.GetSection(ComplianceAuditOptions.SectionName));
            audit.PostConfigure(options => options.RetentionDays = RetentionDays(configuration) ?? options.RetentionDays);
        }

        audit.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ComplianceAuditOptions>, ComplianceAuditOptionsValidator>());
        services.TryAddSingleton<IComplianceAuditLog, MemoryComplianceAuditLog>();
        return services;
    }

    private static int? RetentionDays(IConfiguration configuration)
    {
        var value = configuration[ComplianceAuditOptions.RetentionDaysVariable];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var days)
            ? days
            : throw new OptionsValidationException(
                Options.DefaultName,
                typeof(ComplianceAuditOptions),
                [$"{ComplianceAuditOptions.RetentionDaysVariable} must be a whole number of days; got '{value}'."]);
    }
}
