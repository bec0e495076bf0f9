namespace MasteryEngine.ReviewAgent.Options;

/// <summary>
/// Where the quality events go when Kafka is off (section <c>MasteryEngine</c>): the Mastery Engine's
/// <c>POST /mastery/ingest</c> at <c>MASTERY_ENGINE_URL</c>, with a service token signed with <c>JWT_SECRET</c>.
/// </summary>
public sealed class MasteryFeedOptions
{
    public const string SectionName = "MasteryEngine";

    /// <summary><c>MASTERY_FEED_ENABLED=false</c> assesses without telling the Mastery Engine.</summary>
    public bool Enabled { get; set; } = true;

    public string Url { get; set; } = "http://localhost:8005";

    /// <summary>The <c>sub</c> of the service token; it carries the admin role, which the gateway lets write for any student.</summary>
    public string ServiceSubject { get; set; } = "review-agent";

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Tries per event when the Mastery Engine cannot be reached or answers 5xx; 4xx is final.</summary>
    public int Attempts { get; set; } = 3;
}
