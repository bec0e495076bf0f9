namespace MasteryEngine.Grains;

public static class ComplianceActions
{
    public const string Export = "export";
    public const string Erasure = "erasure";
}
