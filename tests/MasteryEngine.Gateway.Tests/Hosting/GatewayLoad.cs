using System.Collections.Concurrent;
using System.Globalization;

namespace MasteryEngine.Gateway.Tests.Hosting;

/// <summary>
/// Concurrent writers hammering a gateway, each sending its next request as soon as the last was answered:
/// <list type="bullet">
/// <item>a calculate writer owns one student and sends on-demand calculations whose completion is n / <see cref="MaxRequestsPerWriter"/>
/// for its n-th request, so the stored completion names the last calculation applied;</item>
/// <item>an ingest writer sends <c>exercise.completed</c> events with unique ids (no total, so each one counts one more
/// completed exercise), moving to a new student every <see cref="EventsPerStudent"/> events to stay well inside the
/// remembered event ids of a student. It sends plain ingests: without Kafka a 202 must mean the event is stored, so
/// every acknowledged event has to be in Redis after the silo stops (docs/redis.md).</item>
/// </list>
/// Every request and its outcome is recorded. Once <see cref="MarkSigtermSent"/> was called, a writer stops at its
/// first request that is not acknowledged: the gateway is going away and has said so.
/// </summary>
public sealed class GatewayLoad(HttpClient client, int calculateWriters, int ingestWriters)
{
    /// <summary>Bounds every writer even if the gateway never stops answering.</summary>
    public const int MaxRequestsPerWriter = 5000;

    public const int EventsPerStudent = 50;

    private readonly string runId = Guid.NewGuid().ToString("N")[..8];
    private readonly ConcurrentQueue<SentRequest> calculations = new();
    private readonly ConcurrentQueue<SentRequest> ingests = new();
    private volatile bool sigtermSent;
    private int acknowledged;

    public int Acknowledged => Volatile.Read(ref acknowledged);

    public int Writers => calculateWriters + ingestWriters;

    public IReadOnlyCollection<SentRequest> Calculations => calculations;

    public IReadOnlyCollection<SentRequest> Ingests => ingests;

    public IEnumerable<SentRequest> All => calculations.Concat(ingests);

    public static double CompletionOf(int requestNumber) => (double)requestNumber / MaxRequestsPerWriter;

    public void MarkSigtermSent() => sigtermSent = true;

    public Task RunAsync(CancellationToken cancellationToken) => Task.WhenAll(
        Enumerable.Range(0, calculateWriters).Select(writer => Task.Run(() => CalculateAsync(writer, cancellationToken), cancellationToken))
            .Concat(Enumerable.Range(0, ingestWriters).Select(writer => Task.Run(() => IngestAsync(writer, cancellationToken), cancellationToken))));

    private async Task CalculateAsync(int writer, CancellationToken cancellationToken)
    {
        var studentId = $"student_calc_{runId}_{writer}";
        for (var n = 1; n <= MaxRequestsPerWriter; n++)
        {
            var completion = CompletionOf(n).ToString("R", CultureInfo.InvariantCulture);
            var body = $$$"""{"student_id": "{{{studentId}}}", "components": {"completion": {{{completion}}}, "quiz": 0.5, "quality": 0.5, "consistency": 0.5}}""";
            if (!await SendAsync(calculations, "/api/v1/mastery/calculate", body, studentId, n.ToString(CultureInfo.InvariantCulture), cancellationToken))
            {
                return;
            }
        }
    }

    private async Task IngestAsync(int writer, CancellationToken cancellationToken)
    {
        for (var n = 0; n < MaxRequestsPerWriter; n++)
        {
            var studentId = $"student_ingest_{runId}_{writer}_{n / EventsPerStudent}";
            var eventId = $"evt_{runId}_{writer}_{n}";
            var body = $$$"""{"event_type": "exercise.completed", "student_id": "{{{studentId}}}", "event_id": "{{{eventId}}}", "data": {"exercise_id": "loops-{{{n}}}"}}""";
            if (!await SendAsync(ingests, "/api/v1/mastery/ingest", body, studentId, eventId, cancellationToken))
            {
                return;
            }
        }
    }

    /// <summary>Sends one request and records it; false when the writer should stop.</summary>
    private async Task<bool> SendAsync(
        ConcurrentQueue<SentRequest> record, string path, string body, string studentId, string key, CancellationToken cancellationToken)
    {
        var afterSigterm = sigtermSent;
        var sent = await SentRequest.PostAsync(client, path, body, studentId, key, afterSigterm, cancellationToken);
        record.Enqueue(sent);
        if (sent.Outcome == RequestOutcome.Acknowledged)
        {
            Interlocked.Increment(ref acknowledged);
            return true;
        }

        return !afterSigterm;
    }
}
