using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MasteryEngine.Gateway.Tests.MultiGateway;

/// <summary>
/// One writer per student, each sending <c>exercise.completed</c> events with ids of its own through the gateways in
/// turn (<c>?wait=true</c>, so a 200 means applied and stored). An event that is not acknowledged is sent again, same
/// id, until it is: a client retrying a 503 as it is told. A writer stops only between events, so when the load is
/// stopped every event sent was acknowledged, and each student's stored <c>completed_exercises</c> must equal the
/// number of its events exactly: fewer is an acknowledged write lost, more is one applied twice.
/// </summary>
public sealed class StudentEventLoad
{
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentDictionary<string, int> events = new();
    private readonly ConcurrentQueue<(string Student, long SentAt, long AcknowledgedAt)> acknowledgements = new();
    private readonly ConcurrentQueue<string> failures = new();
    private readonly IReadOnlyList<HttpClient> targets;
    private readonly Func<HttpClient, bool> mayRefuseConnections;
    private int retries;
    private Task[] writers = [];

    private StudentEventLoad(IReadOnlyList<string> students, IReadOnlyList<HttpClient> targets, Func<HttpClient, bool> mayRefuseConnections)
    {
        Students = students;
        this.targets = targets;
        this.mayRefuseConnections = mayRefuseConnections;
    }

    public IReadOnlyList<string> Students { get; }

    /// <summary>Answers that were neither a 2xx nor a retryable 503 (nor a refused connection where allowed): each must be explained.</summary>
    public IReadOnlyCollection<string> UnexpectedAnswers => failures;

    /// <summary>503s and refused connections, all retried.</summary>
    public int Retries => Volatile.Read(ref retries);

    /// <summary>Starts the writers; <paramref name="mayRefuseConnections"/> says of which targets a refused or dropped connection is expected (a gateway going away).</summary>
    public static StudentEventLoad Start(IReadOnlyList<string> students, IReadOnlyList<HttpClient> targets, Func<HttpClient, bool>? mayRefuseConnections = null)
    {
        var load = new StudentEventLoad(students, targets, mayRefuseConnections ?? (_ => false));
        load.writers = [.. students.Select((student, index) => Task.Run(() => load.WriteAsync(student, index)))];
        return load;
    }

    public int EventsOf(string student) => events.GetValueOrDefault(student);

    /// <summary>
    /// How long after <paramref name="since"/> (a <see cref="Stopwatch"/> timestamp) every one of <paramref name="students"/>
    /// had an event acknowledged that was sent after it.
    /// </summary>
    public async Task<TimeSpan> AllAnsweredAfterAsync(long since, IReadOnlyCollection<string> students)
    {
        var waiting = Stopwatch.StartNew();
        while (true)
        {
            var firstAnswers = acknowledgements.Where(a => a.SentAt > since).GroupBy(a => a.Student).ToDictionary(g => g.Key, g => g.Min(a => a.AcknowledgedAt));
            if (students.All(firstAnswers.ContainsKey))
            {
                return Stopwatch.GetElapsedTime(since, students.Max(student => firstAnswers[student]));
            }

            if (waiting.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException("students did not answer again within 60 s; unexpected answers: " + string.Join("; ", failures.Take(5)));
            }

            await Task.Delay(20);
        }
    }

    public async Task StopAsync()
    {
        await stop.CancelAsync();
        await Task.WhenAll(writers);
    }

    private async Task WriteAsync(string student, int writer)
    {
        var call = writer;
        for (var n = 1; !stop.IsCancellationRequested; n++)
        {
            var eventId = $"evt_{student}_{n}";
            while (true)
            {
                var target = targets[call++ % targets.Count];
                var sentAt = Stopwatch.GetTimestamp();
                if (await SendAsync(target, student, eventId))
                {
                    events[student] = n;
                    acknowledgements.Enqueue((student, sentAt, Stopwatch.GetTimestamp()));

                    break;
                }

                Interlocked.Increment(ref retries);
                await Task.Delay(20);
            }
        }
    }

    /// <summary>True once acknowledged; false for an answer a client retries; anything else is recorded as unexpected, and retried too.</summary>
    private async Task<bool> SendAsync(HttpClient target, string student, string eventId)
    {
        var json = $$$"""{"event_type": "exercise.completed", "student_id": "{{{student}}}", "event_id": "{{{eventId}}}", "data": {"exercise_id": "{{{eventId}}}"}}""";
        try
        {
            using var content = new StringContent(json, Encoding.UTF8, "application/json");
            using var response = await target.PostAsync(new Uri("/api/v1/mastery/ingest?wait=true", UriKind.Relative), content);
            if (response.IsSuccessStatusCode)
            {
                return true;
            }

            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || response.Headers.RetryAfter is null)
            {
                failures.Enqueue($"{target.BaseAddress} {eventId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            return false;
        }
        catch (HttpRequestException) when (mayRefuseConnections(target))
        {
            return false;
        }
        catch (HttpRequestException e)
        {
            failures.Enqueue($"{target.BaseAddress} {eventId}: {(e.InnerException as SocketException)?.SocketErrorCode.ToString() ?? e.Message}");
            return false;
        }
        catch (TaskCanceledException e)
        {
            failures.Enqueue($"{target.BaseAddress} {eventId}: no answer within {target.Timeout.TotalSeconds:0} s ({e.Message})");
            return false;
        }
    }
}
