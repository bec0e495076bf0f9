using Orleans.Runtime;

namespace MasteryEngine.Silo.Observability;

/// <summary>
/// The correlation id (the request's <c>X-Request-ID</c>) of the work running on the current async flow, so code
/// far from the HTTP request (the Kafka producer's headers, grain logs) can carry it on. It is kept in Orleans'
/// <see cref="RequestContext"/>, which flows through awaits like <see cref="System.Diagnostics.Activity.Current"/>
/// and, unlike a plain async-local, also into the grain calls the work makes, on any silo.
/// </summary>
public static class CorrelationContext
{
    /// <summary>The HTTP header, and the Kafka header, that carries the correlation id.</summary>
    public const string HeaderName = "X-Request-ID";

    public static string? CorrelationId
    {
        get => RequestContext.Get(HeaderName) as string;
        set
        {
            if (value is null)
            {
                RequestContext.Remove(HeaderName);
            }
            else
            {
                RequestContext.Set(HeaderName, value);
            }
        }
    }
}
