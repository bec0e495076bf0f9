using System.Text;
using Confluent.Kafka;
using MasteryEngine.Grains;

namespace MasteryEngine.Silo.Kafka;

/// <summary>
/// An emitted xAPI statement as a Kafka message on the events topic: the value is the statement itself, so any
/// xAPI tool (or an LRS forwarder) reads it as it is, and the header <c>X-Experience-API-Version</c> (as xAPI's
/// HTTP binding names it) tells it from the milestones, which carry <c>event_type</c> in their JSON instead.
/// </summary>
internal static class XapiStatementMessage
{
    public const string VersionHeader = "X-Experience-API-Version";

    public const string Version = "1.0.3";

    public static byte[] Value(XapiStatementEmitted emitted) => Encoding.UTF8.GetBytes(emitted.Statement);

    public static Headers WithVersion(Headers? headers)
    {
        var all = headers ?? [];
        all.Add(VersionHeader, Encoding.UTF8.GetBytes(Version));
        return all;
    }
}
