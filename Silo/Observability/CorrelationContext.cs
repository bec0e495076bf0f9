namespace MasteryEngine.Silo.Observability;

/// <summary>
/// The correlation id (the request's <c>X-Request-ID</c>) of the work running on the current async flow, so code
/// far from the HTTP request (the Kafka producer's headers, grain logs) can carry it on. It flows like
/// <see cref="System.Diagnostics.Activity.Current"/>: through awaits, not into work queued without the
/// execution context.
/// </summary>
public static class CorrelationContext
{
    /// <summary>The HTTP header, and the Kafka header, that carries the correlation id.</summary>
    public const string HeaderName = "X-Request-ID";

    private static readonly AsyncLocal<string?> CurrentId = new();

    public static string? CorrelationId
    {
        get => CurrentId.Value;
        set => CurrentId.Value = value;
    }
}
