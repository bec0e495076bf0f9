namespace MasteryEngine.Gateway.Options;

/// <summary>What the OpenAPI document says about where the API lives (section <c>OpenApi</c>).</summary>
public sealed class OpenApiDocumentOptions
{
    public const string SectionName = "OpenApi";

    /// <summary>
    /// <c>PUBLIC_BASE_URL</c>: the address clients reach the API at (e.g. <c>https://mastery.example.org</c>), listed
    /// as the document's only server. When absent the server is relative (<c>/</c>): never taken from the request's
    /// Host header, which any caller can set.
    /// </summary>
    public string? PublicBaseUrl { get; set; }
}
