namespace MasteryEngine.Grains.Domain.Xapi;

/// <summary>
/// The xAPI statements the service emits, bound from the configuration section <c>Xapi</c> (environment
/// <c>Xapi__EmitMastered</c>, <c>Xapi__HomePage</c>, <c>Xapi__ActivityBase</c>).
/// </summary>
public sealed class XapiOptions
{
    public const string SectionName = "Xapi";

    /// <summary>When a topic becomes mastered, emit an xAPI <c>mastered</c> statement on the events topic.</summary>
    public bool EmitMastered { get; set; } = true;

    /// <summary>The actor's <c>account.homePage</c>: the system whose user ids are the student ids.</summary>
    public string HomePage { get; set; } = "https://mastery-engine.local/";

    /// <summary>A topic's activity id is this IRI followed by the escaped topic; the home page's <c>topics/</c> when not set.</summary>
    public string? ActivityBase { get; set; }

    public Uri HomePageUri => new(HomePage, UriKind.Absolute);

    public Uri ActivityBaseUri => ActivityBase is { Length: > 0 } activityBase
        ? new Uri(activityBase, UriKind.Absolute)
        : new Uri(HomePageUri, "topics/");
}
