namespace MasteryEngine.Grains.Domain.Xapi;

/// <summary>The ADL verb IRIs the service maps to learning events, and the one it emits.</summary>
public static class XapiVerbs
{
    public const string Answered = "http://adlnet.gov/expapi/verbs/answered";
    public const string Completed = "http://adlnet.gov/expapi/verbs/completed";
    public const string Passed = "http://adlnet.gov/expapi/verbs/passed";
    public const string Failed = "http://adlnet.gov/expapi/verbs/failed";
    public const string Progressed = "http://adlnet.gov/expapi/verbs/progressed";
    public const string Mastered = "http://adlnet.gov/expapi/verbs/mastered";

    /// <summary>cmi5's progress extension: percent complete, 0 to 100.</summary>
    public const string ProgressExtension = "https://w3id.org/xapi/cmi5/result/extensions/progress";
}
