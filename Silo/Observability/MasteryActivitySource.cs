using System.Diagnostics;

namespace MasteryEngine.Silo.Observability;

/// <summary>
/// The one <see cref="ActivitySource"/> for spans the project creates itself (grain calls, Kafka produce and
/// consume). ASP.NET Core starts the request span from the incoming W3C <c>traceparent</c>; spans started here
/// become its children through <see cref="Activity.Current"/>.
/// </summary>
public static class MasteryActivitySource
{
    public const string Name = "MasteryEngine";

    public static readonly ActivitySource Instance = new(Name, typeof(MasteryActivitySource).Assembly.GetName().Version?.ToString());
}
