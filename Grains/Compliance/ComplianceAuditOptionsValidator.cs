using Microsoft.Extensions.Options;

namespace MasteryEngine.Grains;

public sealed class ComplianceAuditOptionsValidator : IValidateOptions<ComplianceAuditOptions>
{
    public ValidateOptionsResult Validate(string? name, ComplianceAuditOptions options) =>
        options.RetentionDays is >= 1 and <= ComplianceAuditOptions.MaxRetentionDays
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Audit:RetentionDays ({ComplianceAuditOptions.RetentionDaysVariable}) must be between 1 and " +
                $"{ComplianceAuditOptions.MaxRetentionDays} days; got {options.RetentionDays}.");
}
