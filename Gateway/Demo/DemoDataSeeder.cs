using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using MasteryEngine.Gateway.Security;
using MasteryEngine.Grains.Domain;

namespace MasteryEngine.Gateway.Demo;

/// <summary>
/// Seeds a <see cref="DemoCohort"/> through the public HTTP API only, as an integrating service would: an admin
/// sets the cohort memberships, every student's events go to <c>/mastery/ingest</c> with that student's own
/// token, in time order, and a final <c>/mastery/calculate</c> per student records today's snapshot.
/// The API records a student's daily snapshot on the server's clock, not the event's: events dated in the past
/// count for activity and consistency on their own day, but their snapshots fall on the server's today.
/// When <c>beginDay</c> is given (a gateway whose clock the caller moves), each day's events are sent and
/// applied before the next day begins, so every day gets its own snapshot.
/// </summary>
public sealed class DemoDataSeeder(HttpClient http, DemoTokenFactory tokens)
{
    private const int MaxAttempts = 8;
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(65);
    private static readonly TimeSpan ApplyTimeout = TimeSpan.FromSeconds(60);

    public async Task<DemoSeedReport> SeedAsync(
        DemoCohort cohort, DateOnly today, Func<DateOnly, CancellationToken, Task>? beginDay, CancellationToken cancellationToken)
    {
        var admin = tokens("demo_admin", MasteryRoles.Admin, []);
        foreach (var student in cohort.Students)
        {
            await SendAsync(HttpMethod.Put, $"/api/v1/cohorts/{student.CohortId}/students/{student.StudentId}", null, admin, cancellationToken);
        }

        var studentTokens = cohort.Students.ToDictionary(s => s.StudentId, s => tokens(s.StudentId, MasteryRoles.Student, []), StringComparer.Ordinal);
        if (beginDay is null)
        {
            await SendAndAwaitAsync(cohort.Events, studentTokens, TimeSpan.FromMilliseconds(500), cancellationToken);
        }
        else
        {
            foreach (var day in cohort.Events.GroupBy(e => e.Day).OrderBy(g => g.Key))
            {
                await beginDay(day.Key, cancellationToken);
                await SendAndAwaitAsync([.. day], studentTokens, TimeSpan.FromMilliseconds(20), cancellationToken);
            }

            await beginDay(today, cancellationToken);
        }

        foreach (var student in cohort.Students)
        {
            var body = new JsonObject { ["student_id"] = student.StudentId };
            await SendAsync(HttpMethod.Post, "/api/v1/mastery/calculate", body, studentTokens[student.StudentId], cancellationToken);
        }

        var days = cohort.Events.Select(e => e.Day).DefaultIfEmpty(today).ToList();
        return new DemoSeedReport(cohort.Students.Count, cohort.Events.Count, days.Min(), today);
    }

    private async Task SendAndAwaitAsync(
        IReadOnlyList<DemoEvent> events, Dictionary<string, string> studentTokens, TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        var perStudent = events.GroupBy(e => e.StudentId, StringComparer.Ordinal).ToList();
        // Students in parallel, each student's events in order: quiz and quality are moving averages, so order matters.
        await Parallel.ForEachAsync(perStudent, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (studentEvents, token) =>
        {
            var bearer = studentTokens[studentEvents.Key];
            foreach (var learningEvent in studentEvents)
            {
                await SendAsync(HttpMethod.Post, "/api/v1/mastery/ingest", learningEvent.ToIngestBody(), bearer, token);
            }

            await AwaitAppliedAsync(studentEvents.Key, [.. studentEvents.Select(e => e.EventId)], bearer, pollInterval, token);
        });
    }

    /// <summary>Ingest answers 202 before the event is applied; the export lists the applied ids' fingerprints.</summary>
    private async Task AwaitAppliedAsync(string studentId, IReadOnlyList<string> eventIds, string bearer, TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        var expected = eventIds.Select(id => EventFingerprint.ToHex(EventFingerprint.Of(id))).ToHashSet(StringComparer.Ordinal);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ApplyTimeout);
        try
        {
            while (true)
            {
                var export = await SendAsync(HttpMethod.Get, $"/api/v1/compliance/export/{studentId}", null, bearer, timeout.Token);
                var applied = export?["data"]?["applied_event_ids"]?.AsArray().Select(n => n?.GetValue<string>() ?? "").ToHashSet(StringComparer.Ordinal) ?? [];
                if (expected.IsSubsetOf(applied))
                {
                    return;
                }

                await Task.Delay(pollInterval, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DemoSeedingException($"The events of {studentId} were accepted but not applied within {ApplyTimeout.TotalSeconds:0} s.");
        }
    }

    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonObject? body, string bearer, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            if (body is not null)
            {
                request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            }

            using var response = await http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return JsonNode.Parse(text);
            }

            // The API's own back-pressure: a rate-limited client (429) or a full stream (503) says when to come back.
            if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable && attempt < MaxAttempts)
            {
                await Task.Delay(RetryAfter(response), cancellationToken);
                continue;
            }

            throw new DemoSeedingException($"{method} {path} answered {(int)response.StatusCode}: {DetailOf(text)}");
        }
    }

    private static string DetailOf(string problem)
    {
        try
        {
            return JsonNode.Parse(problem)?["detail"]?.GetValue<string>() ?? problem;
        }
        catch (System.Text.Json.JsonException)
        {
            return problem;
        }
    }

    private static TimeSpan RetryAfter(HttpResponseMessage response)
    {
        var seconds = response.Headers.RetryAfter?.Delta?.TotalSeconds
            ?? (response.Headers.TryGetValues("Retry-After", out var values) && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : 1);
        return TimeSpan.FromSeconds(Math.Clamp(seconds, 0.1, MaxRetryAfter.TotalSeconds));
    }
}
