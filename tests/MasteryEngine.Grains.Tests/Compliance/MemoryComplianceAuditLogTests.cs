using MasteryEngine.Testing;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Grains.Tests.Compliance;

/// <summary>The embedded mode's audit log keeps the contract of every audit log.</summary>
public sealed class MemoryComplianceAuditLogTests : ComplianceAuditLogConformanceTests
{
    protected override IComplianceAuditLog NewLog(TimeProvider clock, int retentionDays = 365) =>
        new MemoryComplianceAuditLog(Options.Create(new ComplianceAuditOptions { RetentionDays = retentionDays }), clock);
}
