using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using MasteryEngine.ReviewAgent.Contracts;
using MasteryEngine.ReviewAgent.Options;
using MasteryEngine.ReviewAgent.Security;
using Microsoft.Extensions.Options;

namespace MasteryEngine.ReviewAgent.Feed;

/// <summary>
/// <c>POST {MASTERY_ENGINE_URL}/mastery/ingest</c> with the service token. The Mastery Engine answers 202 once its
/// stream took the event; a connection failure or a 5xx is tried again (the event id makes that safe), a 4xx is final.
/// </summary>
public sealed class MasteryApiQualityEventSink(
    HttpClient http, ServiceTokenIssuer tokens, IOptions<MasteryFeedOptions> options, ILogger<MasteryApiQualityEventSink> logger) : IQualityEventSink
{
    public string Via => "http";

    public async Task SendAsync(QualityLearningEvent learningEvent, CancellationToken cancellationToken)
    {
        var feed = options.Value;
        var endpoint = new Uri(new Uri(feed.Url.TrimEnd('/') + "/"), "mastery/ingest");
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
                {
                    Content = JsonContent.Create(learningEvent, ReviewJsonContext.Default.QualityLearningEvent),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Token());
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(feed.RequestTimeout);
                using var response = await http.SendAsync(request, timeout.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                var permanent = (int)response.StatusCode is >= 400 and < 500 && response.StatusCode != HttpStatusCode.TooManyRequests;
                var message = $"The Mastery Engine answered {(int)response.StatusCode} to quality event {learningEvent.EventId}.";
                if (permanent || attempt >= feed.Attempts)
                {
                    throw new QualityEventNotDeliveredException(message, permanent);
                }

                logger.LogWarning("{Message} Trying again ({Attempt}/{Attempts}).", message, attempt, feed.Attempts);
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                if (attempt >= feed.Attempts)
                {
                    throw new QualityEventNotDeliveredException(
                        $"The Mastery Engine at {feed.Url} could not be reached for quality event {learningEvent.EventId}: {exception.Message}", permanent: false, exception);
                }

                logger.LogWarning("The Mastery Engine could not be reached ({Error}); trying again ({Attempt}/{Attempts}).", exception.Message, attempt, feed.Attempts);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken);
        }
    }
}
