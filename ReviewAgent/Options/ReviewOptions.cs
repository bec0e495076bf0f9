namespace MasteryEngine.ReviewAgent.Options;

/// <summary>What a submission may be and how much of an assessment is returned (section <c>Review</c>).</summary>
public sealed class ReviewOptions
{
    public const string SectionName = "Review";

    /// <summary>Request bodies over this are refused with 413 before they are read (<c>MAX_REQUEST_BODY_BYTES</c>).</summary>
    public long MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Longer code is refused: analysis time grows with size, and 64 KiB is far beyond an exercise.</summary>
    public int MaxCodeBytes { get; set; } = 64 * 1024;

    public int MaxCodeLines { get; set; } = 2000;

    /// <summary>Findings returned per assessment (first by line); the score always counts all of them.</summary>
    public int MaxFindings { get; set; } = 50;

    public int MaxSuggestions { get; set; } = 3;
}
