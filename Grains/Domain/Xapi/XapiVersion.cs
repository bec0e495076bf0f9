namespace MasteryEngine.Grains.Domain.Xapi;

/// <summary>
/// The <c>X-Experience-API-Version</c> header: every xAPI request must carry it (xAPI 1.0.3 Part Three §6.2, the
/// same in 2.0). We speak 1.0.x (1.0.3 is the current patch) and 2.0.x.
/// </summary>
public static class XapiVersion
{
    public const string Header = "X-Experience-API-Version";

    /// <returns>Null when the header names a version we accept, else the rejection.</returns>
    public static XapiRejection? Check(string? header) =>
        header switch
        {
            null or "" => new XapiRejection(0, "xAPI 1.0.3 Part Three §6.2: version header", $"The {Header} header is required (1.0.3 or 2.0.0)."),
            _ when IsSupported(header) => null,
            _ => new XapiRejection(0, "xAPI 1.0.3 Part Three §6.2: version header", $"{Header} '{header}' is not supported; use 1.0.3 or 2.0.0."),
        };

    public static bool IsSupported(string version) =>
        version is "1.0" or "2.0" || version.StartsWith("1.0.", StringComparison.Ordinal) || version.StartsWith("2.0.", StringComparison.Ordinal);
}
